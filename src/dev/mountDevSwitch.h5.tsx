import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { chooseDevOpenid, getDevOpenid, listDevIdentities } from './identity';
import './DevSwitch.scss';

/**
 * Development-only identity switch for the H5 build against the local cloud, mounted once on
 * document.body (Taro keeps earlier pages in the DOM, so a per-page switch would be duplicated).
 * Stable hooks for e2e tests: `#dev-switch` / `.dev-switch` (open), `.dev-switch-item` (text = label,
 * data-openid), `.dev-switch-new` (新用户（随机身份）), `.dev-switch-current` (current openid).
 */
function DevSwitch() {
  const [open, setOpen] = useState(false);
  const current = getDevOpenid();
  const identities = listDevIdentities();
  const currentLabel = identities.find((i) => i.openid === current)?.label ?? '新用户';

  const choose = (openid: string | null) => {
    chooseDevOpenid(openid);
    // Every screen reloads its data under the new identity.
    window.location.reload();
  };

  return (
    <div className='dev-switch-root'>
      <div className='dev-switch' id='dev-switch' onClick={() => setOpen(!open)}>
        身份：{currentLabel}
      </div>
      {open && (
        <div className='dev-switch-panel' id='dev-switch-panel'>
          <div className='dev-switch-title'>切换演示身份（仅开发环境）</div>
          <div className='dev-switch-current'>{current}</div>
          {identities.map((i) => (
            <div
              key={i.openid}
              className={`dev-switch-item ${i.openid === current ? 'dev-switch-item-active' : ''}`}
              data-openid={i.openid}
              onClick={() => choose(i.openid)}
            >
              {i.label}
            </div>
          ))}
          <div className='dev-switch-item dev-switch-new' onClick={() => choose(null)}>
            新用户（随机身份）
          </div>
          <div className='dev-switch-close' onClick={() => setOpen(false)}>
            关闭
          </div>
        </div>
      )}
    </div>
  );
}

export function mountDevSwitch(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
  if (document.getElementById('dev-switch-host')) return;
  const host = document.createElement('div');
  host.id = 'dev-switch-host';
  document.body.appendChild(host);
  createRoot(host).render(<DevSwitch />);
}
