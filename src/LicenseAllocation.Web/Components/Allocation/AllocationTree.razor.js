// Brings a row of the virtualized tree into view: rows are placed by their index, so the offset is known before the
// row itself is rendered. The row is put a third of the way down, so the path above it stays visible.
export function scrollToRow(container, index, rowHeight) {
    if (!container) {
        return;
    }
    const header = container.querySelector('thead')?.offsetHeight ?? 0;
    container.scrollTop = Math.max(0, index * rowHeight - container.clientHeight / 3 + header);
}
