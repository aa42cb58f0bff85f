import '@uswds/uswds/css/uswds.min.css';
import './styles.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './App';
import { setMutationHandler } from './api';
import { invalidateAll, queryClient } from './lib/queryClient';
import { SessionProvider } from './auth/SessionProvider';

const root = document.getElementById('root');
if (!root) throw new Error('Harbor: #root is missing from index.html');

setMutationHandler(invalidateAll);

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
