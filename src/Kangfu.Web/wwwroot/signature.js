// Signature pad for the intake form: pointer events, so a finger, a pen and a mouse all draw.
// The canvas stays transparent; toPng returns base64 PNG bytes, or null when nothing was drawn.
export function init(canvas) {
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    canvas.width = Math.round(canvas.clientWidth * ratio);
    canvas.height = Math.round(canvas.clientHeight * ratio);
    const ctx = canvas.getContext('2d');
    ctx.scale(ratio, ratio);
    Object.assign(ctx, { lineWidth: 2.5, lineCap: 'round', lineJoin: 'round', strokeStyle: '#1b1b1b' });
    canvas.dataset.inked = '';
    let last = null;
    const at = e => {
        const r = canvas.getBoundingClientRect();
        return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    canvas.addEventListener('pointerdown', e => {
        canvas.setPointerCapture(e.pointerId);
        last = at(e);
        e.preventDefault();
    });
    canvas.addEventListener('pointermove', e => {
        if (!last) return;
        const p = at(e);
        ctx.beginPath();
        ctx.moveTo(last.x, last.y);
        ctx.lineTo(p.x, p.y);
        ctx.stroke();
        last = p;
        canvas.dataset.inked = '1';
        e.preventDefault();
    });
    const end = () => { last = null; };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
}

export function clear(canvas) {
    canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
    canvas.dataset.inked = '';
}

export function toPng(canvas) {
    return canvas.dataset.inked ? canvas.toDataURL('image/png').split(',')[1] : null;
}
