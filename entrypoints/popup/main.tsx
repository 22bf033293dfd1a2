import { render } from 'preact';
import { i18n } from '#i18n';

function Popup() {
  return (
    <main style={{ minWidth: '16em', padding: '12px', fontFamily: 'sans-serif' }}>
      <h1 style={{ fontSize: '16px' }}>{i18n.t('extName')}</h1>
    </main>
  );
}

render(<Popup />, document.getElementById('app') as HTMLElement);
