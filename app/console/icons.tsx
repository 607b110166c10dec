/** Small inline SVG icons (no icon font: every glyph renders on every system). */
const P = { width: 14, height: 14, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;
export const IconPlay = () => <svg {...P}><path d="M4 2.5v11l9-5.5z" fill="currentColor" /></svg>;
export const IconPause = () => <svg {...P}><rect x="3.5" y="2.5" width="3" height="11" rx=".8" fill="currentColor" /><rect x="9.5" y="2.5" width="3" height="11" rx=".8" fill="currentColor" /></svg>;
export const IconStep = () => <svg {...P}><path d="M3 2.5v11l7-5.5z" fill="currentColor" /><rect x="11" y="2.5" width="2.5" height="11" rx=".8" fill="currentColor" /></svg>;
export const IconStop = () => <svg {...P}><rect x="3" y="3" width="10" height="10" rx="1.5" fill="currentColor" /></svg>;
export const IconUndo = () => <svg {...P}><path d="M6 4H3.5V1.5M3.8 4.2A5.5 5.5 0 1 1 2.6 9" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" /></svg>;
export const IconRedo = () => <svg {...P}><path d="M10 4h2.5V1.5M12.2 4.2A5.5 5.5 0 1 0 13.4 9" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" /></svg>;
export const IconMoon = () => <svg {...P}><path d="M13.5 10.2A6 6 0 0 1 5.8 2.5a6 6 0 1 0 7.7 7.7z" fill="currentColor" /></svg>;
export const IconSun = () => <svg {...P}><circle cx="8" cy="8" r="3" fill="currentColor" /><path d="M8 1v2M8 13v2M1 8h2M13 8h2M3 3l1.4 1.4M11.6 11.6 13 13M3 13l1.4-1.4M11.6 4.4 13 3" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" /></svg>;
export const IconDone = () => <svg {...P}><circle cx="8" cy="8" r="7" fill="currentColor" /><path d="M4.6 8.2 7 10.6l4.4-4.8" fill="none" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" /></svg>;
export const IconClose = () => <svg {...P} width={12} height={12}><path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" /></svg>;
