/**
 * Small word lists that tip an author split when no work key decides it. They are soft
 * evidence: a split chosen only through them is still reported as ambiguous. Entries are
 * in work-key form (lower case, no diacritics, letters and digits only).
 */

/** Name particles that belong to the family name (`van der Berg`, `de la Cruz`). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'degli', 'dei', 'di', 'da', 'das', 'do', 'dos',
  'du', 'des', 'la', 'le', 'les', 'lo', 'ten', 'ter', 'te', 'het', 'y', 'e', 'bin', 'ibn', 'al', 'el',
  'zu', 'af', 'av', 'st', 'mac', 'ap', 'mc', 'op', 'abu', 'abdel', 'abd', 'ben', 'ni', 'nic', 'ait', 'ould',
  // Flemish contracted particles: `Vanden Berghe`, `Vander Zanden`, `Vande Velde`.
  'vanden', 'vander', 'vande',
]);

/** Generational and honorific suffixes written after the given name (`Smith, John, Jr.`). */
export const NAME_SUFFIXES: ReadonlySet<string> = new Set([
  'jr', 'sr', 'ii', 'iii', 'iv', 'v', 'vi', '2nd', '3rd', 'esq', 'phd', 'md', 'junior', 'senior',
]);

/** Common given names across the languages catalogues hold most (and Korean given-name syllables). */
export const GIVEN_NAMES: ReadonlySet<string> = new Set([
  'john', 'james', 'robert', 'michael', 'william', 'david', 'richard', 'joseph', 'thomas', 'charles',
  'mary', 'patricia', 'jennifer', 'linda', 'elizabeth', 'barbara', 'susan', 'jessica', 'sarah', 'karen',
  'paul', 'peter', 'mark', 'anne', 'ann', 'anna', 'marie', 'maria', 'jean', 'pierre', 'jacques', 'louis',
  'hans', 'karl', 'klaus', 'jurgen', 'wolfgang', 'heinz', 'uwe', 'dieter', 'gunter', 'ulrich', 'petra',
  'juan', 'jose', 'luis', 'carlos', 'jorge', 'manuel', 'antonio', 'francisco', 'javier', 'miguel',
  'ana', 'carmen', 'isabel', 'lucia', 'elena', 'rosa', 'pilar', 'dolores', 'teresa', 'gabriel',
  'giovanni', 'giuseppe', 'marco', 'luca', 'paolo', 'francesca', 'giulia', 'sofia', 'chiara',
  'joao', 'pedro', 'paulo', 'mariana', 'beatriz', 'ines', 'alexander', 'andrew', 'anthony', 'daniel',
  'emma', 'olivia', 'lars', 'anders', 'nils', 'erik', 'ingrid', 'astrid', 'jan', 'piotr', 'tomasz',
  'ivan', 'sergei', 'olga', 'natalia', 'ahmed', 'mohammed', 'ali', 'fatima', 'hiroshi', 'takeshi',
  'yuki', 'kenji', 'wei', 'ming', 'hui', 'jing', 'xiao', 'yan', 'hong', 'min', 'jun', 'hyun', 'wook',
  'soo', 'young', 'jin', 'ho', 'hee', 'sung', 'jae', 'eun', 'seung', 'ja', 'jung', 'kyung', 'hwan',
  'woo', 'chul', 'dong', 'sang', 'tae', 'yong', 'ji', 'mi', 'su', 'hye', 'seok', 'gyu', 'pat', 'kate',
  'mario', 'sara', 'laura', 'julia', 'martin', 'stefan', 'christian', 'andreas', 'michel', 'philippe',
  'nicolas', 'claire', 'sophie', 'isabelle', 'catherine', 'george', 'henry', 'edward', 'frank',
  // French, Spanish, Portuguese, Italian
  'francoise', 'francois', 'helene', 'stephane', 'aurelie', 'nathalie', 'sylvie', 'christophe', 'julien',
  'sebastien', 'guillaume', 'thierry', 'veronique', 'valerie', 'celine', 'laurence', 'elise', 'gaelle', 'loic',
  'jeanpierre', 'jeanluc', 'jeanbaptiste', 'mariechristine', 'annesophie', 'marieclaire', 'francesc',
  'alejandro', 'pablo', 'sergio', 'raquel', 'jesus', 'inmaculada', 'begona', 'inigo', 'alvaro', 'fernando',
  'ramon', 'rafael', 'alberto', 'cristina', 'marta', 'silvia', 'montserrat', 'mercedes', 'concepcion',
  'angeles', 'angel', 'enrique', 'ignacio', 'jaime', 'victor', 'diego', 'andres', 'eduardo', 'ricardo',
  'joao', 'luiz', 'marcos', 'thiago', 'bruno', 'marcia', 'antonio', 'conceicao', 'fernanda', 'juliana',
  'gabriela', 'rita', 'graca', 'gracas', 'leticia', 'vinicius', 'felipe', 'filipe', 'rodrigo', 'gustavo',
  'alessandro', 'andrea', 'matteo', 'lorenzo', 'federica', 'valentina', 'niccolo', 'nicolo', 'gianluca',
  'pier', 'gian', 'roberto', 'stefano', 'simone', 'elisa', 'silvio', 'massimo', 'alessandra', 'grazia',
  // German, Dutch, Nordic, Slavic, Greek, Irish
  'jorg', 'katrin', 'anja', 'birgit', 'heike', 'sabine', 'monika', 'ursula', 'gerhard', 'bernd', 'ralf',
  'dirk', 'matthias', 'tobias', 'lena', 'lea', 'jonas', 'lukas', 'felix', 'sven', 'markus', 'friedrich',
  'karlheinz', 'hanspeter', 'hansjurgen', 'pieter', 'willem', 'hendrik', 'johannes', 'cornelis', 'maarten',
  'bart', 'joost', 'sanne', 'anouk', 'femke', 'lotte', 'eva', 'daan', 'thijs', 'ruben', 'geert', 'koen',
  'soren', 'bjorn', 'asa', 'jens', 'kirsten', 'mikko', 'paivi', 'jukka', 'gudrun', 'thora', 'per', 'olof',
  'karlerik', 'annakarin', 'katarzyna', 'malgorzata', 'jiri', 'petr', 'jana', 'dragan', 'milica', 'lukasz',
  'agnieszka', 'zdenek', 'pawel', 'georgios', 'konstantinos', 'dimitrios', 'ioannis', 'eleni', 'nikolaos',
  'athanasios', 'panagiota', 'christos', 'sean', 'siobhan', 'niamh', 'aoife', 'ciaran', 'declan', 'eoin',
  'orla', 'sinead', 'padraig', 'conor', 'deirdre', 'brendan', 'patrick',
  // Arabic, Japanese, Vietnamese, Chinese (Taiwan, Hong Kong)
  'mohamed', 'mohammed', 'omar', 'youssef', 'layla', 'khaled', 'nour', 'abdul', 'amina', 'hassan', 'mona',
  'tarek', 'karim', 'haruka', 'yuko', 'shota', 'kenichi', 'daisuke', 'akiko', 'naoko', 'tomoko', 'satoshi',
  'kazuhiro', 'masahiro', 'yoshiko', 'ryosuke', 'shinichi', 'keiko', 'makoto', 'ayumi', 'taro',
  'thi', 'duc', 'quoc', 'thanh', 'ngoc', 'huu', 'xuan', 'anh', 'hoa', 'hung', 'lan', 'linh', 'mai', 'phuong',
  'thao', 'trang', 'tuan', 'dung', 'chau', 'khanh', 'quang', 'vy', 'chia', 'chih', 'hsuan', 'tsung',
  'pei', 'ching', 'jen', 'hsin', 'tai', 'siu', 'kin', 'wing', 'hoi', 'kwok', 'fai',
]);

/**
 * The particle-bearing ends of Spanish and Portuguese compound given names, in work-key
 * form: "María de los Ángeles" keeps "de los Ángeles" as part of the given name.
 */
export const COMPOUND_GIVEN_TAILS: ReadonlySet<string> = new Set([
  'delosangeles', 'delcarmen', 'dedios', 'delpilar', 'delasmercedes', 'dejesus', 'delrosario', 'delmar',
  'delasnieves', 'delsocorro', 'delaluz', 'delosdolores', 'dasgracas', 'decassia', 'defatima', 'daconceicao',
  'docarmo', 'dagloria', 'dapenha', 'delourdes', 'dasdores',
]);

/**
 * Family names, mostly Spanish and Portuguese (whose double surnames are the usual
 * `García Márquez` case) and the commonest English and German ones.
 */
export const FAMILY_NAMES: ReadonlySet<string> = new Set([
  'garcia', 'rodriguez', 'gonzalez', 'fernandez', 'lopez', 'martinez', 'sanchez', 'perez', 'gomez',
  'martin', 'jimenez', 'ruiz', 'hernandez', 'diaz', 'moreno', 'alvarez', 'munoz', 'romero', 'alonso',
  'gutierrez', 'navarro', 'torres', 'dominguez', 'vazquez', 'ramos', 'gil', 'ramirez', 'serrano',
  'blanco', 'suarez', 'molina', 'morales', 'ortega', 'delgado', 'castro', 'ortiz', 'rubio', 'marin',
  'sanz', 'nunez', 'iglesias', 'medina', 'garrido', 'cortes', 'castillo', 'santos', 'lozano', 'guerrero',
  'cano', 'prieto', 'mendez', 'cruz', 'flores', 'herrera', 'marquez', 'silva', 'oliveira', 'souza',
  'sousa', 'costa', 'pereira', 'carvalho', 'almeida', 'ferreira', 'ribeiro', 'rodrigues', 'gomes',
  'lima', 'araujo', 'fernandes', 'barbosa', 'rocha', 'dias', 'nascimento', 'andrade', 'moreira',
  'smith', 'johnson', 'williams', 'brown', 'jones', 'miller', 'davis', 'wilson', 'anderson', 'taylor',
  'muller', 'schmidt', 'schneider', 'fischer', 'weber', 'meyer', 'wagner', 'becker', 'schulz', 'hoffmann',
  'rossi', 'russo', 'ferrari', 'esposito', 'bianchi', 'romano', 'colombo', 'ricci', 'marino', 'greco',
  'dupont', 'durand', 'bernard', 'dubois', 'moreau', 'laurent', 'simon', 'michel', 'lefebvre', 'leroy',
  'calvo', 'gallego', 'vidal', 'leon', 'pena', 'cabrera', 'campos', 'vega', 'fuentes', 'carrasco', 'diez',
  'caballero', 'reyes', 'nieto', 'aguilar', 'pascual', 'santana', 'herrero', 'lorenzo', 'montero', 'hidalgo',
  'gimenez', 'ibanez', 'ferrer', 'duran', 'santiago', 'benitez', 'mora', 'vicente', 'vargas', 'arias',
  'carmona', 'crespo', 'roman', 'pastor', 'soto', 'saez', 'velasco', 'moya', 'soler', 'parra', 'esteban',
  'bravo', 'gallardo', 'rojas', 'nunes', 'marques', 'machado', 'mendes', 'freitas', 'cardoso', 'goncalves',
  'teixeira', 'correia', 'martins', 'melo', 'vieira', 'monteiro', 'azevedo', 'cavalcanti', 'pinto', 'lopes',
  'moura', 'borges', 'batista', 'reis', 'coelho', 'magalhaes', 'filho', 'neto', 'junior', 'sobrinho',
  'bruno', 'gallo', 'conti', 'mancini', 'giordano', 'rizzo', 'lombardi', 'moretti', 'fontana', 'caruso',
  'barbieri', 'petit', 'richard', 'durand', 'roux', 'vincent', 'fournier', 'morel', 'girard', 'andre',
  'mercier', 'fontaine', 'chevalier', 'bonnet', 'francois', 'levy', 'bakker', 'janssen', 'visser', 'smit',
  'mulder', 'bos', 'vos', 'dekker', 'hendriks', 'kennedy', 'byrne', 'ryan', 'doyle', 'walsh', 'murphy',
  'kelly', 'fitzgerald', 'carthy', 'giolla', 'phadraig', 'bakr', 'rahman', 'khoury', 'hassan', 'haddad',
  'mansour', 'ibrahim', 'hussein', 'khalil', 'nasser', 'saleh',
]);

/**
 * Korean, Chinese and Vietnamese family names: one syllable, written as one word, so a
 * family name ending in one of them rarely has a second word.
 */
export const EAST_ASIAN_FAMILY_NAMES: ReadonlySet<string> = new Set([
  'kim', 'lee', 'park', 'choi', 'jung', 'jeong', 'kang', 'cho', 'jo', 'yoon', 'yun', 'jang', 'chang',
  'lim', 'im', 'han', 'oh', 'seo', 'shin', 'kwon', 'hwang', 'ahn', 'an', 'song', 'yoo', 'yu', 'ryu',
  'hong', 'jeon', 'chun', 'ko', 'go', 'moon', 'mun', 'yang', 'son', 'bae', 'baek', 'heo', 'nam', 'shim',
  'noh', 'roh', 'ha', 'kwak', 'sung', 'cha', 'joo', 'ju', 'woo', 'koo', 'ku', 'min', 'na', 'jin', 'ji',
  'chae', 'won', 'bang', 'kong', 'hyun', 'ham', 'byun', 'yeom', 'yeo', 'chu', 'do', 'seok', 'seol',
  'wang', 'li', 'zhang', 'liu', 'chen', 'zhao', 'huang', 'zhou', 'wu', 'xu', 'sun', 'hu', 'zhu', 'gao',
  'lin', 'he', 'guo', 'ma', 'luo', 'liang', 'zheng', 'xie', 'tang', 'feng', 'deng', 'cao', 'peng',
  'zeng', 'xiao', 'tian', 'dong', 'pan', 'yuan', 'cai', 'jiang', 'yu', 'du', 'ye', 'cheng', 'wei', 'su',
  'lu', 'ding', 'ren', 'shen', 'yao', 'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu',
  'vo', 'dang', 'bui', 'ngo', 'duong', 'ly', 'tanaka', 'suzuki', 'sato', 'takahashi', 'watanabe',
  'ito', 'yamamoto', 'nakamura', 'kobayashi', 'kato',
]);
