import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
// Only the entry imports CSS, so components stay importable under jest without a CSS mapper.
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html is missing #root');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
