// Downloads a file produced by the server (exports, error reports) from a byte array.
window.kangfuDownload = (fileName, contentType, base64) => {
    const link = document.createElement('a');
    link.href = `data:${contentType};base64,${base64}`;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
};

// Moves keyboard focus to an element (error summaries, headings after an action) and scrolls it into view.
window.kangfuFocus = (selector) => {
    const element = document.querySelector(selector);
    if (element) {
        element.scrollIntoView({ block: 'start', behavior: 'instant' });
        element.focus({ preventScroll: true });
    }
};

// Buttons that act in the browser only, declared with data-action: the CSP (script-src 'self') blocks inline onclick
// handlers and javascript: links, so they are handled here, delegated from the document (works for rendered content too).
const kangfuActions = {
    print: () => window.print(),
    back: () => history.back(),
    reconnect: () => Blazor.reconnect(),
    reload: () => location.reload(),
};
document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-action]') : null;
    const action = target ? kangfuActions[target.dataset.action] : null;
    if (action) {
        event.preventDefault();
        action();
    }
});
