import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App, startHashRouting } from './app/App';
import { appStore } from './app/store/appStore';
import './app/app.css';

const root = document.getElementById('root');
if (root) {
  startHashRouting(appStore);
  // A transition render is time-sliced: React yields to the browser every few ms, so building the first
  // page never becomes one long main-thread task (a plain render() of the lab page took ~100 ms).
  const reactRoot = createRoot(root);
  startTransition(() => {
    reactRoot.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
