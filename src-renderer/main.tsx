import '../src-shared/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startApp } from './startup';
import './styles/theme.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

// Render once the stored language and theme are applied, so the first frame does not flicker.
void startApp().finally(() =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
