import { i18n } from '#i18n';
import {
  type CategoryStyle,
  type HighlightCategorySettings,
  READER_FONT_SIZES,
  READER_FONTS,
  READER_THEMES,
  type ReaderFont,
  type ReaderSettings,
  type ReaderSizeStep,
  type ReaderTheme,
} from '@/utils/settings';
import { HIGHLIGHT_CATEGORIES, type HighlightCategory } from '@/utils/types';
import { CloseIcon } from '../shared/Icons';

export interface SettingsPanelProps {
  settings: ReaderSettings;
  autoOpen: boolean;
  onChange: (change: Partial<ReaderSettings>) => void;
  onAutoOpenChange: (on: boolean) => void;
  onClose: () => void;
  id?: string;
  /** Highlight categories: names and colours (the ids stay). */
  categories?: HighlightCategorySettings;
  onCategoryChange?: (id: HighlightCategory, change: Partial<CategoryStyle>) => void;
}

const FONT_LABEL = {
  song: 'readerFontSong',
  hei: 'readerFontHei',
  kai: 'readerFontKai',
} as const satisfies Record<ReaderFont, string>;

const THEME_LABEL = {
  light: 'readerThemeLight',
  sepia: 'readerThemeSepia',
  dark: 'readerThemeDark',
} as const satisfies Record<ReaderTheme, string>;

const LAST_STEP = (READER_FONT_SIZES.length - 1) as ReaderSizeStep;

/** Typeface, size, background and the auto-open switch. Radio groups, so arrow keys work as expected. */
export function SettingsPanel({
  settings,
  autoOpen,
  onChange,
  onAutoOpenChange,
  onClose,
  id,
  categories,
  onCategoryChange,
}: SettingsPanelProps) {
  const step = settings.size;
  return (
    <section id={id} class="yd-settings" aria-label={i18n.t('readerSettings')}>
      <div class="yd-settings-head">
        <h2>{i18n.t('readerSettings')}</h2>
        <button
          type="button"
          class="yd-icon-button"
          aria-label={i18n.t('readerSettingsClose')}
          title={i18n.t('readerSettingsClose')}
          onClick={onClose}
        >
          <CloseIcon />
        </button>
      </div>

      <fieldset class="yd-choice yd-choice-font">
        <legend>{i18n.t('readerFont')}</legend>
        {READER_FONTS.map((font) => (
          <label key={font} class={`yd-option yd-font-sample-${font}`}>
            <input
              type="radio"
              name="yd-font"
              value={font}
              checked={settings.font === font}
              onChange={() => onChange({ font })}
            />
            <span>{i18n.t(FONT_LABEL[font])}</span>
          </label>
        ))}
      </fieldset>

      <fieldset class="yd-choice yd-size">
        <legend>{i18n.t('readerSize')}</legend>
        <button
          type="button"
          class="yd-size-button yd-size-smaller"
          aria-label={i18n.t('readerSizeSmaller')}
          title={i18n.t('readerSizeSmaller')}
          disabled={step <= 0}
          onClick={() => onChange({ size: Math.max(0, step - 1) as ReaderSizeStep })}
        >
          A
        </button>
        <output class="yd-size-steps" aria-live="polite">
          <span class="yd-visually-hidden">{i18n.t('readerSizeStep', [String(step + 1)])}</span>
          {READER_FONT_SIZES.map((px, i) => (
            <span key={px} aria-hidden="true" class={`yd-size-dot${i <= step ? ' is-on' : ''}`} />
          ))}
        </output>
        <button
          type="button"
          class="yd-size-button yd-size-larger"
          aria-label={i18n.t('readerSizeLarger')}
          title={i18n.t('readerSizeLarger')}
          disabled={step >= LAST_STEP}
          onClick={() => onChange({ size: Math.min(LAST_STEP, step + 1) as ReaderSizeStep })}
        >
          A
        </button>
      </fieldset>

      <fieldset class="yd-choice yd-choice-theme">
        <legend>{i18n.t('readerTheme')}</legend>
        {READER_THEMES.map((theme) => (
          <label key={theme} class={`yd-option yd-swatch yd-swatch-${theme}`}>
            <input
              type="radio"
              name="yd-theme"
              value={theme}
              checked={settings.theme === theme}
              onChange={() => onChange({ theme })}
            />
            <span>{i18n.t(THEME_LABEL[theme])}</span>
          </label>
        ))}
      </fieldset>

      <label class="yd-auto-open">
        <input
          type="checkbox"
          checked={autoOpen}
          onChange={(event) => onAutoOpenChange((event.currentTarget as HTMLInputElement).checked)}
        />
        <span>{i18n.t('readerAutoOpen')}</span>
      </label>

      {categories && onCategoryChange ? (
        <fieldset class="yd-choice yd-categories">
          <legend>{i18n.t('settingsCategories')}</legend>
          {HIGHLIGHT_CATEGORIES.map((cat) => (
            <div key={cat} class="yd-category-row" data-category={cat}>
              <input
                type="color"
                value={categories[cat].color}
                aria-label={i18n.t('settingsCategoryColor', [categories[cat].name])}
                onInput={(event) =>
                  onCategoryChange(cat, { color: (event.currentTarget as HTMLInputElement).value })
                }
              />
              <input
                type="text"
                maxLength={12}
                value={categories[cat].name}
                aria-label={i18n.t('settingsCategoryName', [categories[cat].name])}
                onInput={(event) => {
                  const name = (event.currentTarget as HTMLInputElement).value.trim();
                  if (name) onCategoryChange(cat, { name });
                }}
              />
            </div>
          ))}
        </fieldset>
      ) : null}
    </section>
  );
}
