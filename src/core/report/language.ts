/**
 * Language identification with eld (offline n-gram detector, 60 languages). eld ships as ES modules only, so it is
 * loaded with a dynamic import once, before a report starts: `await loadLanguageDetector()`.
 */
export type DetectLanguage = (text: string) => string;

let detector: Promise<DetectLanguage> | undefined;

export function loadLanguageDetector(): Promise<DetectLanguage> {
  detector ??= import('eld/small').then((m) => {
    const eld = m.eld ?? m.default;
    return (text: string) => (text.trim() ? eld.detect(text).language || 'und' : 'und');
  });
  return detector;
}
