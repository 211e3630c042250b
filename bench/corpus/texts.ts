import type { Random } from './random.js';

/** Titles, abstracts, journals and publishers: plain text that surrounds the names. */

const TOPICS = ['glutamate', 'ketamine', 'depression', 'hypertension', 'type 2 diabetes', 'sepsis', 'COVID-19', 'influenza vaccination',
  'gut microbiota', 'breast cancer', 'atrial fibrillation', 'chronic kidney disease', 'asthma', 'Alzheimer\'s disease',
  'tuberculosis', 'malaria', 'obesity', 'osteoporosis', 'schizophrenia', 'migraine', 'HIV infection', 'hepatitis B',
  'neonatal jaundice', 'stroke rehabilitation', 'opioid use disorder', 'antimicrobial resistance', 'Parkinson\'s disease'];
const SUBJECTS = ['patients', 'older adults', 'children', 'adolescents', 'pregnant women', 'health workers', 'mice', 'rats',
  'primary care', 'intensive care units', 'rural communities', 'nursing homes'];
const ACTIONS = ['The Role of', 'Effects of', 'Association Between', 'A Randomized Trial of', 'Mechanisms of', 'Long-term Outcomes of',
  'An Update on', 'Risk Factors for', 'Cost-effectiveness of', 'The Impact of', 'A Systematic Review of', 'Trends in',
  'Efecto de', 'Die Rolle von', 'Évaluation de', 'Prevalence of', 'Genetic Determinants of', 'A Cohort Study of'];
const PLACES = ['Korea', 'China', 'Brazil', 'Spain', 'Germany', 'the United States', 'Japan', 'Viet Nam', 'Portugal',
  'sub-Saharan Africa', 'Europe', 'Mexico', 'India', 'the Netherlands'];

export function articleTitle(random: Random): string {
  const topic = random.pick(TOPICS);
  const form = random.int(0, 4);
  if (form === 0) return `${random.pick(ACTIONS)} ${topic} in ${random.pick(SUBJECTS)}`;
  if (form === 1) return `${random.pick(ACTIONS)} ${topic} Underlying ${random.pick(TOPICS)}: A ${random.pick(['Review', 'Meta-analysis', 'Cross-sectional Study', 'Case Report'])}`;
  if (form === 2) return `${capitalizeFirst(topic)} and ${random.pick(TOPICS)} among ${random.pick(SUBJECTS)} in ${random.pick(PLACES)}`;
  if (form === 3) return `The ${random.pick(['burden', 'epidemiology', 'management', 'genetics'])} of ${topic} in ${random.pick(PLACES)}, ${random.int(1990, 2015)}-${random.int(2016, 2024)}`;
  return `A ${random.pick(['novel', 'simple', 'validated'])} ${random.pick(['score', 'biomarker', 'model'])} for ${topic}`;
}

const BOOK_TITLES = ['The test', 'A history of medicine', 'An introduction to epidemiology', 'La casa de los espíritus', 'Die Blechtrommel',
  'Les misérables', 'El amor en los tiempos del cólera', 'The art of computer programming', 'A brief history of time',
  'Grundlagen der Psychiatrie', 'O alienista', 'Memórias póstumas de Brás Cubas', 'The structure of scientific revolutions',
  'Il nome della rosa', 'Der Zauberberg', 'L\'étranger', 'Handbook of clinical neurology', 'Principles of internal medicine'];
const BOOK_SUBTITLES = ['a novel', 'a history', 'theory and practice', 'selected essays', 'eine Einführung', 'una introducción',
  'a critical edition', 'second series', 'proceedings of the international symposium'];

export interface BookTitle {
  title: string;
  subtitle?: string;
  /** Characters of a leading article that do not file (MARC 245 second indicator). */
  nonFiling: number;
}

const LEADING_ARTICLES = ['The ', 'A ', 'An ', 'La ', 'Die ', 'Les ', 'El ', 'L\'', 'Der ', 'O ', 'Il '];

export function leadingArticleLength(title: string): number {
  const article = LEADING_ARTICLES.find((candidate) => title.startsWith(candidate) && title.length > candidate.length + 2);
  return article === undefined ? 0 : article.length;
}

export function bookTitle(random: Random): BookTitle {
  const title = random.pick(BOOK_TITLES);
  const book: BookTitle = { title, nonFiling: leadingArticleLength(title) };
  if (random.chance(0.4)) book.subtitle = random.pick(BOOK_SUBTITLES);
  return book;
}

const SENTENCES = [
  'The monoamine hypothesis has significantly improved our understanding of mood disorders and their treatment.',
  'We conducted a retrospective cohort study using national health insurance claims data.',
  'Participants were randomly assigned to the intervention or to usual care.',
  'Accumulating evidence shows that patients with treatment-resistant disease have severe abnormalities in several pathways.',
  'The primary outcome was all-cause mortality at 12 months; secondary outcomes included readmission and quality of life.',
  'Multivariable logistic regression was used to estimate adjusted odds ratios (aOR) with 95% confidence intervals.',
  'Recently, ketamine, an N-methyl-D-aspartate receptor (NMDAR) antagonist, has shown efficacy in this setting.',
  'However, the mechanism by which the treatment improves outcomes remains unclear.',
  'In this review, we re-examine the hypothesis and discuss the animal models used in preclinical studies.',
  'A total of 1,284 patients (median age 64 years; 52% women) were included in the analysis.',
  'Sensitivity analyses that excluded early events gave similar results.',
  'These findings support the use of targeted screening in high-risk groups.',
  'Further prospective studies are needed to confirm the causal role of the exposure.',
  'Se incluyeron 312 pacientes con seguimiento mínimo de dos años.',
  'Die Ergebnisse zeigen einen signifikanten Zusammenhang zwischen Exposition und Risiko.',
];

/** An abstract of about `length` characters, whole sentences only. */
export function abstractText(random: Random, length: number): string {
  let text = '';
  while (text.length < length) text += (text ? ' ' : '') + random.pick(SENTENCES);
  return text;
}

export interface Journal {
  abbreviation: string;
  publisher: string;
  doiPrefix: string;
}

export const JOURNALS: readonly Journal[] = [
  { abbreviation: 'Clin Psychopharmacol Neurosci', publisher: 'Korean College of Neuropsychopharmacology', doiPrefix: '10.9758' },
  { abbreviation: 'J Korean Med Sci', publisher: 'The Korean Academy of Medical Sciences', doiPrefix: '10.3346' },
  { abbreviation: 'PLoS One', publisher: 'Public Library of Science', doiPrefix: '10.1371' },
  { abbreviation: 'Nat Commun', publisher: 'Nature Publishing Group UK', doiPrefix: '10.1038' },
  { abbreviation: 'BMC Public Health', publisher: 'BioMed Central', doiPrefix: '10.1186' },
  { abbreviation: 'Front Immunol', publisher: 'Frontiers Media S.A.', doiPrefix: '10.3389' },
  { abbreviation: 'Rev Esp Cardiol (Engl Ed)', publisher: 'Elsevier España', doiPrefix: '10.1016' },
  { abbreviation: 'Arq Bras Cardiol', publisher: 'Sociedade Brasileira de Cardiologia', doiPrefix: '10.36660' },
  { abbreviation: 'Dtsch Arztebl Int', publisher: 'Deutscher Arzte Verlag', doiPrefix: '10.3238' },
  { abbreviation: 'Int J Environ Res Public Health', publisher: 'MDPI', doiPrefix: '10.3390' },
  { abbreviation: 'Sci Rep', publisher: 'Nature Publishing Group UK', doiPrefix: '10.1038' },
  { abbreviation: 'J Am Heart Assoc', publisher: 'John Wiley and Sons Inc.', doiPrefix: '10.1161' },
  { abbreviation: 'Cureus', publisher: 'Cureus', doiPrefix: '10.7759' },
  { abbreviation: 'Medicine (Baltimore)', publisher: 'Lippincott Williams & Wilkins', doiPrefix: '10.1097' },
  { abbreviation: 'J Med Case Rep', publisher: 'BioMed Central', doiPrefix: '10.1186' },
  { abbreviation: 'Annu Rev Biochem', publisher: 'Annual Reviews', doiPrefix: '10.1146' },
  { abbreviation: 'Cancer Res', publisher: 'American Association for Cancer Research', doiPrefix: '10.1158' },
  { abbreviation: 'Rev Saude Publica', publisher: 'Faculdade de Saúde Pública da Universidade de São Paulo', doiPrefix: '10.11606' },
  { abbreviation: 'Acta Med Port', publisher: 'Ordem dos Médicos', doiPrefix: '10.20344' },
  { abbreviation: 'Zhonghua Liu Xing Bing Xue Za Zhi', publisher: 'Chinese Medical Association', doiPrefix: '10.3760' },
  { abbreviation: 'Yonsei Med J', publisher: 'Yonsei University College of Medicine', doiPrefix: '10.3349' },
  { abbreviation: 'J Nippon Med Sch', publisher: 'Medical Association of Nippon Medical School', doiPrefix: '10.1272' },
  { abbreviation: 'Evid Based Complement Alternat Med', publisher: 'Hindawi', doiPrefix: '10.1155' },
  { abbreviation: 'Lancet', publisher: 'Elsevier', doiPrefix: '10.1016' },
  { abbreviation: 'BMJ Open', publisher: 'BMJ Publishing Group', doiPrefix: '10.1136' },
  { abbreviation: 'Nucleic Acids Res', publisher: 'Oxford University Press', doiPrefix: '10.1093' },
  { abbreviation: 'Eur J Case Rep Intern Med', publisher: 'SMC Media Srl', doiPrefix: '10.12890' },
];

export const BOOK_PUBLISHERS = ['Feminist Press at the City University of New York', 'Springer', 'Oxford University Press',
  'Editorial Sudamericana', 'Suhrkamp', 'Gallimard', 'Companhia das Letras', 'Einaudi', 'Cambridge University Press',
  'Thieme', 'Zanichelli', 'Alianza Editorial', 'McGraw-Hill'];

/** MARC topics (650 with subdivisions, as VuFind's `topic` holds them): several words, often a closing period. */
export const BOOK_TOPICS = ['Adult children of aging parents Fiction.', 'Automobile drivers\' tests Fiction.', 'Fathers and daughters Fiction.',
  'Epidemiology', 'Medicine History', 'Psychiatry', 'Computer programming', 'Cosmology', 'Science Philosophy',
  'Brazilian fiction 19th century', 'German fiction 20th century', 'Neurology Handbooks, manuals, etc.', 'Spain History Civil War, 1936-1939 Fiction.'];

function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
