// Taro's babel preset (React + TypeScript). NutUI is imported per component by path
// (see src/ui/nut.ts), so no import plugin is needed.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
