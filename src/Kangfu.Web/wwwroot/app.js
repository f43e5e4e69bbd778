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
