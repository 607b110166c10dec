/** A harness that renders every panel from a hand-written event stream (no engine): `vite` then /app/panels/demo/. */
import { createRoot } from 'react-dom/client';
import { useStudio } from '../../store/store';
import { PANELS, WindowsPanel, StatePanel } from '../index';
import { hashtagRun } from '../model/fixtures';

const params = new URLSearchParams(location.search);
const st = useStudio.getState();
if (params.get('theme') === 'dark') st.setTheme('dark');
if (params.get('lang') === 'zh') st.setLang('zh-CN');
st.setFaultHandler((kind, args) => console.log('fault', kind, args));
const events = hashtagRun({ batches: Number(params.get('batches') ?? 8), killExecutorInBatch: 6, speculativeInBatch: 4 });
const cut = Number(params.get('cut') ?? events.length);
st.applyEvents(events.slice(0, cut));
if (params.get('batch')) st.selectBatch(Number(params.get('batch')));
const only = params.get('panel');

function App() {
  return (
    <div className="grid">
      {PANELS.filter((p) => !only || p.id === only).map(({ id, Component }) => (
        <div className="demo-cell" key={id} data-id={id}>
          {id === 'windows' ? <WindowsPanel windowSpecs={[{ nodeId: 'window', label: 'tagCounts', windowMs: 3000, slideMs: 1000, inverse: true }, { nodeId: 'w2', label: 'window', windowMs: 4000, slideMs: 2000, inverse: false }]} />
            : id === 'state' ? <StatePanel stateNodeIds={['n4']} /> : <Component />}
        </div>
      ))}
    </div>
  );
}
createRoot(document.getElementById('root')!).render(<App />);
