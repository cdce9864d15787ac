// Copies the NHS.UK stylesheet into wwwroot without its @font-face rules. They load Frutiger from the
// NHS font CDN, which our CSP (font-src 'self') blocks on every page, logging an error each time;
// without them browsers go straight to the design system's own fallback, Arial. Decision 012.
// Usage: node build/copy-nhsuk-css.cjs <source.css> <destination.css>   (run by Hub.Web.csproj)
const fs = require('fs');
const path = require('path');
const [source, destination] = process.argv.slice(2);
const css = fs.readFileSync(source, 'utf8').replace(/@font-face\{[^}]*\}/g, '');
if (!fs.existsSync(destination) || fs.readFileSync(destination, 'utf8') !== css) {
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  fs.writeFileSync(destination, css);
}
