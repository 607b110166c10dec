import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App';
import { useStudio } from './store/store';
import { engine } from './store/engineBridge';
import { startValidation } from './store/validationSync';
import { startAutosave, saveNow } from './files/autosaveSync';
import { startup } from './files/fileActions';
import { startRunMark } from './files/runMark';

const root = document.getElementById('root');
if (!root) throw new Error('index.html needs <div id="root">');
createRoot(root).render(<StrictMode><App /></StrictMode>);

// The panels' fault buttons go through the bridge.
useStudio.getState().setFaultHandler((kind, args) => engine.injectFault(kind, args));
// Static validation only: nothing of a document runs before consent (pair kinds are inferred from the sources).
startValidation();
startRunMark();
void startup().then(() => { saveNow(false); startAutosave(); });

// Test and debugging hook (no engine objects: the store's state and the public actions only).
Reflect.set(window, '__studio', { store: useStudio, engine, saveNow });
