// Contents list on the report preview: scroll the email body to a section's heading and move focus there,
// so keyboard and screen-reader users land where sighted users see the page jump.
window.execReports = {
    scrollToHeading(containerId, heading) {
        const container = document.getElementById(containerId);
        if (!container) return false;
        const target = [...container.querySelectorAll('h1, h2, h3')].find(h => h.textContent.trim() === heading.trim());
        if (!target) return false;
        target.setAttribute('tabindex', '-1');
        target.scrollIntoView({ block: 'start' });
        target.focus({ preventScroll: true });
        return true;
    },
};
