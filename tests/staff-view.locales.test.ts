import { describe, expect, it } from 'vitest';
import { staffViewReader } from '../src/read/staff-view/reader.js';
import { readAll } from './helpers/read.js';

const page = (marker: string, authorsLabel: string, publishedLabel: string, locale: string): [string, string] => [[
  marker, 'A Title', `${authorsLabel}: | , , |`, '---|---|', `${publishedLabel}: |`, 'Publisher', '2020', '|',
  '_version_ | 7 |', '---|---|', 'author | Kim, Jeongseop Lee, Min Park, Ji |', `id | rec-${locale} |`,
].join('\n'), locale];

describe('Staff View reader: localized pages', () => {
  it.each([
    page('Loading…', 'Main Authors', 'Published', 'en'),
    page('Cargando…', 'Autores principales', 'Publicado', 'es'),
    page('Wird geladen …', 'Hauptverfasser', 'Veröffentlicht', 'de'),
    page('Chargement en cours…', 'Auteurs principaux', 'Publié', 'fr'),
    page('Carregando…', 'Principais autores', 'Publicado em', 'pt-br'),
    page('Caricamento...', 'Autori principali', 'Pubblicazione', 'it'),
    page('Загрузка...', 'Главные авторы', 'Опубликовано', 'ru'),
    page('ロード中…', '主要な著者', '出版事項', 'ja'),
    page('Wordt geladen…', 'Hoofdauteurs', 'Gepubliceerd in', 'nl'),
  ])('reads a page whose marker and labels are in %#', async (text, locale) => {
    const [record] = await readAll(staffViewReader, text);
    expect(record?.hints?.locale).toBe(locale);
    expect(record?.hints?.coreAuthorCount).toBe('3');
    expect(record?.hints?.corePublished).toBe('Publisher\n2020');
    expect(record?.fields.author).toEqual(['Kim, Jeongseop', 'Lee, Min', 'Park, Ji']);
    expect(record?.issues).toEqual([]);
  });

  it('accepts the three-dot spelling of an ellipsis marker', async () => {
    const [record] = await readAll(staffViewReader, page('Loading...', 'Main Authors', 'Published', 'en')[0]);
    expect(record?.hints?.locale).toBe('en');
  });
});
