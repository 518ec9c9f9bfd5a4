import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { chooseTransport, currentPage } from './api/transport';
import { App } from './app/App';
import { startApp } from './app/bootstrap';
import { TransportMissing } from './app/TransportMissing';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/views.css';
import './styles/article.css';
import './styles/print.css';

// The transport follows from what this page is (the app or the preview); a missing one is
// shown as such, never replaced by the other.
const transport = chooseTransport(currentPage());
let page: ReactNode;
if (transport.kind === 'missing') {
  page = <TransportMissing expected={transport.expected} detail={transport.detail} />;
} else {
  startApp(transport.api);
  page = <App />;
}

createRoot(document.getElementById('root')!).render(<StrictMode>{page}</StrictMode>);
