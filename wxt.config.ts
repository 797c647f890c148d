import { defineConfig } from 'wxt';

/** The Chrome (MV3) extension: built from extension/ into .output/chrome-mv3. */
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  manifest: {
    name: 'ipwatch',
    description: 'Đánh dấu tin đăng nghi xâm phạm quyền SHTT / Highlight suspicious marketplace listings',
    permissions: ['storage', 'activeTab', 'pageCapture', 'tabs'],
    host_permissions: ['<all_urls>'],
  },
});
