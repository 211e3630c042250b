import type { Random } from './random.js';

/**
 * Personal names as catalogues hold them, by the kinds that make a flattened author list
 * hard to cut apart: romanized Korean/Chinese/Japanese/Vietnamese names (hyphenated,
 * joined or two-word given names, family names that are also given-name syllables),
 * Spanish and Portuguese compound surnames, particles, suffixes, initials and diacritics.
 */

export interface PersonTruth {
  family: string;
  given?: string;
  suffix?: string;
}

export type NameKind =
  | 'english' | 'german' | 'dutch' | 'korean' | 'chinese' | 'japanese' | 'vietnamese' | 'spanish'
  | 'portuguese' | 'italian' | 'french' | 'irish' | 'nordic' | 'slavic' | 'arabic' | 'greek' | 'mononym';

export const NAME_KIND_WEIGHTS: readonly (readonly [NameKind, number])[] = [
  ['english', 18], ['german', 6], ['dutch', 4], ['korean', 10], ['chinese', 13], ['japanese', 6],
  ['vietnamese', 3], ['spanish', 10], ['portuguese', 7], ['italian', 5], ['french', 5], ['irish', 3],
  ['nordic', 3], ['slavic', 3], ['arabic', 2], ['greek', 2], ['mononym', 2],
];


const words = (text: string): string[] => text.trim().split(/\s+/u);

/** Single-name people (Indonesian, Javanese, Burmese usage): PubMed lists them as a LastName only. */
const MONONYMS = words('Sutomo Mulyadi Suharto Widodo Sukarno Budiono Hartono Suryani Purnomo Setiawan Wahyudi Rahmawati Sugiyono Sumarni Haryanto Kusnadi Suwarno Yulianti Supriyadi Darmawan Aung Hlaing');

const KOREAN_FAMILY = words('Kim Lee Park Choi Jung Jeong Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong Jeon Ko Moon Yang Son Bae Baek Heo Nam Koo Min Ha Sung Woo Ryu Jin Yu Noh Cha Joo Chung Im Byun Gong Kwak Yeo');
const KOREAN_SYLLABLES = words('Ji Min Seo Hyun Jun Young Soo Jae Eun Sung Hee Jin Woo Seung Hwan Dong Kyung Yeon Ha Na Ho Sang Chul Tae Won Hye Mi Yun Joon Seok Gyu Bin Hoon Kyu Yong Su Sun Yeong In Il Ok Wook Ja Jeong Seop Hyuk Nam Gi Beom Bo Ri Da Kang Song');
const CHINESE_FAMILY = words('Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Lü Ouyang Chan Wong Cheung Lau Ng Tsai Hsu Chang Chiu Kuo');
const CHINESE_SYLLABLES = words('Wei Jian Xiao Ming Hui Jing Yan Hong Jun Li Ping Hua Lei Yu Fang Na Min Jie Qiang Lin Tao Bin Chao Hao Yi Xin Yue Qing Feng Long Gang Dan Ying Xia Zhen Rui Kai Jia Zi Han Chun Wen Hai Zhi Guo Ling Tian Mei Shu Xue');
const TAIWAN_SYLLABLES = words('Chia Hung Wen Ling Chih Ming Yu Hsuan Tsung Han Pei Shan Ching Kuo Jen Wei Yi Chun Hsin Mei Kai Ting');
const HK_SYLLABLES = words('Tai Man Ka Wai Siu Ming Chi Kin Wing Yan Hoi Lun Kwok Fai Mei Ling');
const JAPANESE_FAMILY = words('Tanaka Suzuki Sato Satō Takahashi Watanabe Ito Itō Yamamoto Nakamura Kobayashi Kato Katō Yoshida Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Ogawa Saito Ōno Ohno Kondō Kondo Fujita Okada Hasegawa Mori Ikeda Abe');
const JAPANESE_GIVEN = words('Hiroshi Takeshi Yuki Kenji Haruka Yūko Yuko Shōta Shota Kenichi Ken-ichi Daisuke Akiko Naoko Tomoko Satoshi Kazuhiro Masahiro Yoshiko Ryōsuke Shin-ichi Keiko Makoto Jun Ayumi Taro');
const VIETNAMESE_FAMILY = words('Nguyen Nguyễn Tran Trần Le Lê Pham Phạm Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly');
const VIETNAMESE_MIDDLE = words('Van Thi Duc Minh Quoc Thanh Ngoc Huu Xuan Hoang');
const VIETNAMESE_GIVEN = words('An Anh Hoa Hung Lan Linh Mai Nam Phuong Son Thao Trang Tuan Dung Chau Ha Khanh Long Quang Vy');
const ENGLISH_FAMILY = words('Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Jackson White Harris Martin Thompson Clark Lewis Robinson Walker Young Allen King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Parker Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Reed Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray James Hughes Price Sanders Long Foster Powell Jenkins Perry Russell Sullivan Fisher Myers Ford Hamilton Graham Wallace Cole West Jordan Owens Reynolds Ellis Harrison Gibson Marshall Murray Freeman Wells Webb Simpson Stevens Tucker Porter Hunter Hicks Crawford Henry Boyd Mason Kennedy Warren Dixon Burns Gordon Shaw Holmes Rice Hunt Black Daniels Palmer Mills Grant Knight Ferguson Stone Hawkins Dunn Lane Armstrong Day Page Rose Paul Grace Francis Love Bishop Little Small Major Young-Smith Hart Lloyd-Jones');
const ENGLISH_GIVEN = words('John James Robert Michael William David Richard Joseph Thomas Charles Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Margaret Betty Sandra Ashley Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Laura Helen Sharon Cynthia Kathleen Amy Shirley Angela Anna Ruth Brenda Pamela Nicole Katherine Christine Samantha Emma Catherine Paul Mark Donald George Kenneth Steven Edward Brian Ronald Anthony Kevin Jason Matthew Gary Timothy Jose Larry Jeffrey Frank Scott Eric Stephen Andrew Raymond Gregory Joshua Jerry Dennis Walter Patrick Peter Harold Douglas Henry Carl Arthur Ryan Roger Grace Hope Rose Jordan Taylor Morgan Kelly Lee Ray Dale Glenn Wesley Howard Mason Carter');
const GERMAN_FAMILY = words('Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Keller Vogel Friedrich Günther Frank Berger Winkler Roth Beck Lorenz Baumann Meyer-Lindenberg Müller-Thurgau Schulze-Bahr');
const GERMAN_GIVEN = words('Hans Peter Klaus Jürgen Wolfgang Heinz Uwe Dieter Günter Ulrich Petra Sabine Monika Ursula Andrea Stefan Michael Thomas Andreas Christian Markus Frank Sven Jörg Katrin Anja Birgit Heike Karl-Heinz Hans-Peter Hans-Jürgen Karl Friedrich Gerhard Bernd Ralf Dirk Matthias Tobias Jan Lena Lea Jonas Lukas Felix');
const DUTCH_FAMILY = ['van der Berg', 'van den Heuvel', 'de Vries', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'de Jong', 'van der Meer', 'van Leeuwen', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Beek', 'Dekker', 'van der Linden', 'ter Horst', 'ten Brink', 'van \'t Hof', 'Van der Waals', 'Van Gogh', 'op de Beeck'];
const DUTCH_GIVEN = words('Jan Pieter Willem Hendrik Johannes Cornelis Maarten Bart Joost Sanne Anouk Femke Lotte Eva Sophie Daan Sem Thijs Ruben Lieke Marieke Geert Koen Bram');
const SPANISH_SURNAMES = words('García González Rodríguez Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz Hernández Díaz Moreno Álvarez Muñoz Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco Suárez Molina Morales Ortega Delgado Castro Ortiz Rubio Marín Sanz Núñez Iglesias Medina Garrido Cortés Castillo Santos Lozano Guerrero Cano Prieto Méndez Cruz Calvo Gallego Vidal León Herrera Márquez Peña Flores Cabrera Campos Vega Fuentes Carrasco Diez Caballero Reyes Nieto Aguilar Pascual Santana Herrero Lorenzo Montero Hidalgo Giménez Ibáñez Ferrer Durán Santiago Benítez Mora Vicente Vargas Arias Carmona Crespo Román Pastor Soto Sáez Velasco Moya Soler Parra Esteban Bravo Gallardo Rojas');
const SPANISH_PARTICLE_FAMILY = ['de la Cruz', 'del Río', 'de la Torre', 'de los Santos', 'de León', 'del Valle', 'de la Fuente', 'de Miguel', 'del Castillo'];
const SPANISH_GIVEN = ['José Luis', 'María José', 'Juan Carlos', 'Ana', 'María del Carmen', 'Francisco Javier', 'Luis', 'Carmen', 'Pilar', 'Javier', 'Miguel Ángel', 'José Antonio', 'María Teresa', 'Jesús', 'Alejandro', 'Lucía', 'Rosa María', 'Juan', 'Manuel', 'Antonio', 'Isabel', 'Elena', 'Pablo', 'Sergio', 'Raquel', 'María de los Ángeles', 'Juan de Dios', 'Inmaculada', 'Begoña', 'Íñigo'];
const PORTUGUESE_SURNAMES = words('Silva Santos Oliveira Souza Sousa Costa Pereira Carvalho Almeida Ferreira Ribeiro Rodrigues Gomes Lima Araújo Fernandes Barbosa Rocha Dias Nascimento Andrade Moreira Nunes Marques Machado Mendes Freitas Cardoso Ramos Gonçalves Teixeira Correia Martins Melo Vieira Monteiro Azevedo Cavalcanti Pinto Lopes Moura Castro Campos Borges Batista Reis Coelho Magalhães');
const PORTUGUESE_PARTICLES = ['da', 'dos', 'de', 'das', 'do'];
const PORTUGUESE_FAMILY_SUFFIX = ['Filho', 'Neto', 'Júnior', 'Sobrinho'];
const PORTUGUESE_GIVEN = ['João Pedro', 'Ana Paula', 'Maria Fernanda', 'Luiz Carlos', 'José', 'Maria', 'Ana Clara', 'Paulo', 'Marcos', 'Rafael', 'Fernanda', 'Juliana', 'Carlos Eduardo', 'Luís Filipe', 'Gabriela', 'Mariana', 'Thiago', 'Bruno', 'Márcia', 'Antônio', 'Conceição', 'Maria das Graças', 'Rita de Cássia'];
const ITALIAN_FAMILY = ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti', 'Di Stefano', 'D\'Angelo', 'Della Valle', 'Lo Russo', 'La Rosa', 'Di Pietro', 'De Santis', 'Dell\'Acqua', 'Li Causi', 'Fontana', 'Caruso', 'Barbieri'];
const ITALIAN_GIVEN = ['Giovanni', 'Giuseppe', 'Marco', 'Luca', 'Paolo', 'Francesca', 'Giulia', 'Sofia', 'Chiara', 'Pier Paolo', 'Gian Luca', 'Gianluca', 'Maria Grazia', 'Anna Maria', 'Alessandro', 'Andrea', 'Matteo', 'Lorenzo', 'Federica', 'Valentina', 'Niccolò', 'Nicolò'];
const FRENCH_FAMILY = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Le Goff', 'Le Gall', 'Dupont-Aignan', 'de Gaulle', 'de La Fontaine', 'Saint-Exupéry', 'Lévy', 'Fontaine', 'Chevalier', 'Bonnet', 'François'];
const FRENCH_GIVEN = ['Jean', 'Pierre', 'Jacques', 'Louis', 'Jean-Pierre', 'Marie-Claire', 'Jean-Luc', 'Marie', 'Anne', 'Sophie', 'Isabelle', 'Catherine', 'Nicolas', 'Philippe', 'Michel', 'Hélène', 'Élise', 'François', 'Françoise', 'Jean-Baptiste', 'Anne-Sophie', 'Marie Christine', 'Stéphane', 'Aurélie', 'Gaëlle', 'Loïc'];
const IRISH_FAMILY = ['O\'Brien', 'O\'Connor', 'O\'Sullivan', 'O\'Neill', 'McCarthy', 'MacLeod', 'McDonald', 'Mac Giolla Phádraig', 'Ó Briain', 'Kennedy', 'Byrne', 'Ryan', 'Doyle', 'Walsh', 'Murphy', 'Kelly', 'Fitzgerald', 'Mc Carthy', 'Ní Bhriain'];
const IRISH_GIVEN = ['Seán', 'Siobhán', 'Niamh', 'Aoife', 'Ciarán', 'Patrick', 'Mary', 'Declan', 'Eoin', 'Orla', 'Sinéad', 'Padraig', 'Conor', 'Deirdre', 'Brendan'];
const NORDIC_FAMILY = ['Andersen', 'Jørgensen', 'Nielsen', 'Hansen', 'Johansson', 'Åström', 'Öberg', 'Lindqvist', 'Nykvist', 'Øvergaard', 'Sæther', 'Håkansson', 'Bjørnstad', 'Virtanen', 'Mäkinen', 'Korhonen', 'Jónsdóttir', 'Sigurðsson', 'Þórsson'];
const NORDIC_GIVEN = ['Lars', 'Anders', 'Nils', 'Erik', 'Ingrid', 'Astrid', 'Søren', 'Bjørn', 'Åsa', 'Jens', 'Kirsten', 'Mikko', 'Päivi', 'Jukka', 'Guðrún', 'Þóra', 'Per Olof', 'Karl-Erik', 'Anna-Karin', 'Jan Erik'];
const SLAVIC_FAMILY = ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Łukasiewicz', 'Kamiński', 'Lewandowska', 'Dvořák', 'Novák', 'Svoboda', 'Černý', 'Horváth', 'Ivanov', 'Petrova', 'Smirnov', 'Kuznetsova', 'Popović', 'Jovanović', 'Šimić', 'Kovač', 'Zieliński-Nowak'];
const SLAVIC_GIVEN = ['Piotr', 'Tomasz', 'Katarzyna', 'Małgorzata', 'Jan', 'Jiří', 'Petr', 'Jana', 'Ivan', 'Sergei', 'Olga', 'Natalia', 'Dragan', 'Milica', 'Łukasz', 'Agnieszka', 'Zdeněk', 'Anna Maria', 'Jan Paweł'];
const ARABIC_FAMILY = ['Al-Hassan', 'al-Sayed', 'El Khoury', 'Abdel Rahman', 'Haddad', 'Mansour', 'Al Saud', 'Ibrahim', 'Hussein', 'Khalil', 'Nasser', 'El-Sayed', 'Abu Bakr', 'Ben Ali', 'bin Salman', 'Saleh'];
const ARABIC_GIVEN = ['Mohamed', 'Ahmed', 'Mohammed Ali', 'Fatima', 'Omar', 'Youssef', 'Layla', 'Khaled', 'Nour', 'Abdul Karim', 'Amina', 'Hassan', 'Mona', 'Tarek'];
const GREEK_FAMILY = ['Papadopoulos', 'Georgiou', 'Nikolaidis', 'Papadimitriou', 'Konstantinou', 'Ioannidis', 'Christodoulou', 'Oikonomou', 'Vlachou', 'Dimitriou'];
const GREEK_GIVEN = ['Georgios', 'Konstantinos', 'Dimitrios', 'Ioannis', 'Maria', 'Eleni', 'Nikolaos', 'Sofia', 'Athanasios', 'Panagiota', 'Christos'];

const SUFFIXES = ['Jr.', 'Jr', 'Sr.', 'II', 'III', 'IV'];

/** `Jeongseop`, `Tae-Eun`, `Tae-eun` or `Ja Wook`: the ways Korean given names are romanized. */
function koreanGiven(random: Random): string {
  const first = random.pick(KOREAN_SYLLABLES);
  const second = random.pick(KOREAN_SYLLABLES);
  return random.weighted<string>([
    [`${first}${second.toLowerCase()}`, 35],
    [`${first}-${second}`, 25],
    [`${first}-${second.toLowerCase()}`, 15],
    [`${first} ${second}`, 20],
    [first, 5],
  ]);
}

function chineseGiven(random: Random): string {
  const style = random.weighted<string>([['pinyin', 60], ['taiwan', 20], ['hongkong', 12], ['single', 8]]);
  if (style === 'single') return random.pick(CHINESE_SYLLABLES);
  if (style === 'taiwan') return `${random.pick(TAIWAN_SYLLABLES)}-${random.chance(0.7) ? random.pick(TAIWAN_SYLLABLES).toLowerCase() : random.pick(TAIWAN_SYLLABLES)}`;
  if (style === 'hongkong') return `${random.pick(HK_SYLLABLES)} ${random.pick(HK_SYLLABLES)}`;
  const first = random.pick(CHINESE_SYLLABLES);
  const second = random.pick(CHINESE_SYLLABLES);
  return random.chance(0.85) ? `${first}${second.toLowerCase()}` : `${first} ${second}`;
}

function spanishFamily(random: Random): string {
  const first = random.chance(0.12) ? random.pick(SPANISH_PARTICLE_FAMILY) : random.pick(SPANISH_SURNAMES);
  const form = random.weighted<string>([['single', 40], ['double', 45], ['hyphen', 8], ['y', 3], ['particle-inside', 4]]);
  const second = random.pick(SPANISH_SURNAMES);
  if (form === 'single') return first;
  if (form === 'hyphen') return `${first}-${second}`;
  if (form === 'y') return `${first} y ${second}`;
  if (form === 'particle-inside') return `${first} ${random.pick(SPANISH_PARTICLE_FAMILY)}`;
  return `${first} ${second}`;
}

function portugueseFamily(random: Random): string {
  const parts: string[] = [];
  if (random.chance(0.3)) parts.push(random.pick(PORTUGUESE_SURNAMES));
  if (random.chance(0.3)) parts.push(random.pick(PORTUGUESE_PARTICLES));
  parts.push(random.pick(PORTUGUESE_SURNAMES));
  if (random.chance(0.1)) parts.push(random.pick(PORTUGUESE_FAMILY_SUFFIX));
  return parts.join(' ');
}

/** The person's given name in one of the forms catalogues print: full, initials, initials with periods. */
function shapeGiven(full: string, random: Random, style: GivenStyle): string {
  if (style === 'full') return full;
  const parts = full.split(/(\s+|-)/u).filter((part) => part.trim().length > 0);
  const initials: string[] = [];
  let hyphenNext = false;
  for (const part of parts) {
    if (part === '-') {
      hyphenNext = true;
      continue;
    }
    const first = part.normalize('NFC')[0] ?? '';
    if (!/\p{Lu}/u.test(first)) continue; // particles inside given names ("del") have no initial
    initials.push(hyphenNext ? `-${first}` : first);
    hyphenNext = false;
  }
  if (initials.length === 0) return full;
  if (style === 'initials') return initials.join(' ').replaceAll(' -', '-');
  if (style === 'initials-dotted') return random.chance(0.5) ? initials.map((initial) => `${initial}.`).join('').replaceAll('.-', '.-') : initials.map((initial) => `${initial}.`).join(' ').replaceAll(' -', '-');
  // 'first-full': "John A."
  const [first, ...rest] = full.split(/\s+/u);
  return rest.length === 0 ? full : `${first} ${rest.map((word) => `${(word[0] ?? '').toUpperCase()}.`).join(' ')}`;
}

export type GivenStyle = 'full' | 'initials' | 'initials-dotted' | 'first-full';

export interface PersonOptions {
  givenStyle: GivenStyle;
  /** Chance of a suffix for the kinds that use them. */
  suffixChance: number;
}

/** A person of a kind, with the given name shaped as the record's source writes it. */
export function makePerson(kind: NameKind, random: Random, options: PersonOptions): PersonTruth {
  if (kind === 'mononym') return { family: random.pick(MONONYMS) };
  let family: string;
  let given: string;
  switch (kind) {
    case 'korean': family = random.pick(KOREAN_FAMILY); given = koreanGiven(random); break;
    case 'chinese': family = random.pick(CHINESE_FAMILY); given = chineseGiven(random); break;
    case 'japanese': family = random.pick(JAPANESE_FAMILY); given = random.pick(JAPANESE_GIVEN); break;
    case 'vietnamese':
      family = random.pick(VIETNAMESE_FAMILY);
      given = random.chance(0.7) ? `${random.pick(VIETNAMESE_MIDDLE)} ${random.pick(VIETNAMESE_GIVEN)}` : random.pick(VIETNAMESE_GIVEN);
      if (random.chance(0.2)) given = `${random.pick(VIETNAMESE_MIDDLE)} ${given}`;
      break;
    case 'english': family = random.pick(ENGLISH_FAMILY); given = random.chance(0.25) ? `${random.pick(ENGLISH_GIVEN)} ${random.pick(ENGLISH_GIVEN)}` : random.pick(ENGLISH_GIVEN); break;
    case 'german': family = random.pick(GERMAN_FAMILY); given = random.pick(GERMAN_GIVEN); break;
    case 'dutch': family = random.pick(DUTCH_FAMILY); given = random.pick(DUTCH_GIVEN); break;
    case 'spanish': family = spanishFamily(random); given = random.pick(SPANISH_GIVEN); break;
    case 'portuguese': family = portugueseFamily(random); given = random.pick(PORTUGUESE_GIVEN); break;
    case 'italian': family = random.pick(ITALIAN_FAMILY); given = random.pick(ITALIAN_GIVEN); break;
    case 'french': family = random.pick(FRENCH_FAMILY); given = random.pick(FRENCH_GIVEN); break;
    case 'irish': family = random.pick(IRISH_FAMILY); given = random.pick(IRISH_GIVEN); break;
    case 'nordic': family = random.pick(NORDIC_FAMILY); given = random.pick(NORDIC_GIVEN); break;
    case 'slavic': family = random.pick(SLAVIC_FAMILY); given = random.pick(SLAVIC_GIVEN); break;
    case 'arabic': family = random.pick(ARABIC_FAMILY); given = random.pick(ARABIC_GIVEN); break;
    case 'greek': family = random.pick(GREEK_FAMILY); given = random.pick(GREEK_GIVEN); break;
  }
  const person: PersonTruth = { family, given: shapeGiven(given, random, options.givenStyle) };
  const takesSuffix = kind === 'english' || kind === 'german' || kind === 'irish';
  if (takesSuffix && random.chance(options.suffixChance)) person.suffix = random.pick(SUFFIXES);
  return person;
}

/** Another person of the same family (siblings, spouses, the many Kims of one paper). */
export function relative(of: PersonTruth, kind: NameKind, random: Random, options: PersonOptions): PersonTruth {
  if (kind === 'mononym') return makePerson(kind, random, options);
  const other = makePerson(kind, random, options);
  return { ...other, family: of.family };
}

/** How VuFind's records write a person: `Family, Given[, Suffix]`. */
export function displayName(person: PersonTruth): string {
  let text = person.family;
  if (person.given !== undefined) text += `, ${person.given}`;
  if (person.suffix !== undefined) text += `, ${person.suffix}`;
  return text;
}

export const CORPORATE_AUTHORS: readonly string[] = [
  'World Health Organization', 'Cochrane Collaboration', 'COVID-19 Genomics UK (COG-UK) Consortium',
  'European Society of Cardiology', 'American Heart Association', 'National Institutes of Health (U.S.)',
  'International Agency for Research on Cancer', 'GBD 2019 Diseases and Injuries Collaborators',
  'Korean Society of Hypertension', 'Deutsche Gesellschaft für Neurologie', 'Organisation mondiale de la santé',
  'United Nations. General Assembly', 'Great Britain. Parliament. House of Commons', 'Universidad Nacional Autónoma de México',
];


/** Collective authors PubMed lists among the persons (PMC `collab`): study groups, networks, consortia. */
export const COLLECTIVE_AUTHORS: readonly string[] = [
  'PROSPECT Study Group', 'Canadian Respiratory Research Network', 'COVID-19 Genomics UK (COG-UK) Consortium',
  'ESPRIT Investigators', 'Global Burden of Disease Study Group', 'TOPCAT Trial Team', 'Nordic Lymphoma Group',
  'Japan Pediatric Society Working Group', 'Genome Aggregation Database Consortium', 'European Society of Cardiology Task Force',
];
