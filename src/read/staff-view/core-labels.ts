/**
 * Localized labels of the VuFind record page that the Staff View reader needs, for the 36 UI
 * languages VuFind ships (current labels plus the ones older releases used).
 * Generated once from VuFind's language files (the `core-labels*.json` reference data);
 * kept here so that the reader has no run-time dependency on reference data.
 */
export type CoreLabelKey =
  | 'loading'
  | 'mainAuthor'
  | 'mainAuthors'
  | 'authors'
  | 'otherAuthors'
  | 'corporateAuthor'
  | 'corporateAuthors'
  | 'format'
  | 'language'
  | 'published'
  | 'publishedIn'
  | 'edition'
  | 'series'
  | 'subjects'
  | 'onlineAccess'
  | 'physicalDescription'
  | 'summary'
  | 'isbn'
  | 'issn'
  | 'doi';

/** label key -> locale -> labels (first is the current one). */
export const CORE_LABELS: Readonly<Record<CoreLabelKey, Readonly<Record<string, readonly string[]>>>> = {
  loading: {
    "en": ["Loading…"], "es": ["Cargando…"], "pt": ["A carregar..."], "pt-br": ["Carregando…"], "de": ["Wird geladen …"],
    "fr": ["Chargement en cours…"], "it": ["Caricamento..."], "ar": ["جاري التحميل…","تحميل…"], "bn": ["লোডিং…"], "ca": ["Carregant…"],
    "cs": ["Načítá se…"], "cy": ["Llwytho..."], "da": ["Loading..."], "el": ["Φορτώνει…"], "eu": ["Lanean..."],
    "fi": ["Lataa…"], "ga": ["Ag lódáil…"], "gl": ["Cargando..."], "he": ["טוען..."], "hi": ["लोड हो रहा है…"],
    "hr": ["Učitavanje…"], "hy": ["Բեռնվում է…"], "ja": ["ロード中…"], "mi": ["E uta ana..."], "mn": ["Ачаалалж байна..."],
    "nl": ["Wordt geladen…"], "pl": ["Ładuje się…"], "ru": ["Загрузка..."], "se": ["Láddejuvvo…"], "sl": ["Nalaganje..."],
    "sv": ["Laddar…"], "tr": ["Yüklüyor…"], "uk": ["Завантаження..."], "vi": ["Đang tải…"], "zh": ["載入..."],
    "zh-cn": ["载入..."],
  },
  mainAuthor: {
    "en": ["Main Author"], "es": ["Autor principal","Autor Principal"], "pt": ["Autor principal"], "pt-br": ["Autor principal","Autor Principal"], "de": ["1. Verfasser"],
    "fr": ["Auteur principal"], "it": ["Autore principale"], "ar": ["المؤلف الرئيسي"], "bn": ["প্রধান লেখক"], "ca": ["Autor principal"],
    "cs": ["Hlavní autor"], "cy": ["Prif Awdur"], "da": ["Hovedforfatter"], "el": ["Κύριος συγγραφέας"], "eu": ["Egile nagusia"],
    "fi": ["Päätekijä"], "ga": ["Príomhchruthaitheoir","Príomhúdar"], "gl": ["Autor Principal"], "he": ["מחבר ראשי"], "hi": ["मुख्य लेखक"],
    "hr": ["Glavni autor"], "hy": ["Հիմնական հեղինակ"], "ja": ["第一著者"], "mi": ["Kaituhi matua"], "mn": ["Үндсэн зохиолч"],
    "nl": ["Hoofdauteur"], "pl": ["1. autor"], "ru": ["Главный автор"], "se": ["Váldodahkki"], "sl": ["Glavni avtor"],
    "sv": ["Huvudupphovsman"], "tr": ["Yazar"], "uk": ["Автор"], "vi": ["Tác giả chính"], "zh": ["主要作者"],
    "zh-cn": ["主要作者"],
  },
  mainAuthors: {
    "en": ["Main Authors"], "es": ["Autores principales","Autores Principales"], "pt-br": ["Principais autores"], "de": ["Hauptverfasser"], "fr": ["Auteurs principaux"],
    "it": ["Autori principali"], "ar": ["المؤلفون الرئيسيون"], "bn": ["প্রধান লেখক"], "ca": ["Autors principals"], "cs": ["Hlavní autoři"],
    "cy": ["Prif Awduron"], "el": ["Κύριοι συγγραφείς"], "eu": ["Egile Nagusiak"], "fi": ["Päätekijät"], "ga": ["Príomhchruthaitheoirí"],
    "hi": ["मुख्य लेखकों"], "hr": ["Glavni autori"], "hy": ["Հիմնական հեղինակներ"], "ja": ["主要な著者"], "mi": ["Ngā kaituhi matua"],
    "mn": ["Үндсэн зохиолчид"], "nl": ["Hoofdauteurs"], "pl": ["Główni autorzy"], "ru": ["Главные авторы"], "se": ["Váldodahkkit"],
    "sv": ["Huvudupphovsmän"], "tr": ["Asıl Yazarlar"], "uk": ["Автори"], "vi": ["Những tác giả chính"],
  },
  authors: {
    "en": ["Authors"], "es": ["Autores"], "pt": ["Autores"], "pt-br": ["Autores"], "de": ["Autoren"],
    "fr": ["Auteurs"], "it": ["Autori"], "ar": ["المؤلفون"], "bn": ["লেখক"], "ca": ["Autors"],
    "cs": ["Autoři"], "cy": ["Awduron"], "el": ["Συγγραφείς"], "eu": ["Egileak"], "fi": ["Tekijät"],
    "ga": ["Údair"], "gl": ["Autores"], "hi": ["लेखकों"], "hr": ["Autori"], "hy": ["Հեղինակներ"],
    "ja": ["著者"], "mi": ["Ngā kaituhi"], "mn": ["Зохиогчид"], "nl": ["Auteurs"], "pl": ["Autorzy"],
    "ru": ["Авторы"], "se": ["Dahkkit"], "sv": ["Författarna"], "tr": ["Yazarlar"], "uk": ["Автори"],
    "vi": ["Nhiều tác giả"], "zh-cn": ["作者"],
  },
  otherAuthors: {
    "en": ["Other Authors"], "es": ["Otros Autores"], "pt": ["Outros Autores"], "pt-br": ["Outros Autores"], "de": ["Weitere Verfasser"],
    "fr": ["Autres auteurs"], "it": ["Altri autori","Nomi associati"], "ar": ["مؤلفون آخرون"], "bn": ["অন্যান্য লেখক"], "ca": ["Altres autors"],
    "cs": ["Další autoři"], "cy": ["Awduron Eraill"], "da": ["Andre forfattere"], "el": ["Άλλοι συγγραφείς"], "eu": ["Beste egile batzuk"],
    "fi": ["Muut tekijät"], "ga": ["Rannpháirtithe","Údair Eile"], "gl": ["Outros autores"], "he": ["מחברים אחרים"], "hi": ["अन्य लेखक"],
    "hr": ["Daljnji autori"], "hy": ["Այլ հեղինակներ"], "ja": ["その他の著者"], "mi": ["Ētahi atu kaituhi"], "mn": ["Бусад зохиолчид"],
    "nl": ["Andere auteurs"], "pl": ["Kolejni autorzy"], "ru": ["Другие авторы"], "se": ["Eará dahkkit"], "sl": ["Drugi avtorji"],
    "sv": ["Övriga upphovsmän","Andra upphovsmän"], "tr": ["Diğer Yazarlar"], "uk": ["Інші автори"], "vi": ["Tác giả khác"], "zh": ["其他作者"],
    "zh-cn": ["其他作者"],
  },
  corporateAuthor: {
    "en": ["Corporate Author"], "es": ["Autor Corporativo"], "pt": ["Autor Corporativo"], "pt-br": ["Autor Corporativo"], "de": ["Körperschaft"],
    "fr": ["Collectivité auteur","Collectif d'auteurs"], "it": ["Ente Autore"], "ar": ["مؤلف مشترك"], "bn": ["সংস্থা লেখক"], "ca": ["Autor corporatiu"],
    "cs": ["Korporativní autor"], "cy": ["Awdur Corfforaethol"], "da": ["Institution som forfatter"], "el": ["Συγγραφή απο Οργανισμό/Αρχή","Corporate συγγραφέας"], "eu": ["Erakunde egilea"],
    "fi": ["Yhteisötekijä"], "ga": ["Údar corparáideach","Údar Corparáideach"], "gl": ["Autor Corporativo"], "he": ["מחבר תאגידי"], "hi": ["निगमित लेखक"],
    "hr": ["Autor kompanije"], "hy": ["Համատեղ հեղինակ"], "ja": ["団体著者"], "mi": ["Kaituhi rangatōpū"], "mn": ["Байгууллагын зохиогч"],
    "nl": ["Coauteur","Corporatie"], "pl": ["Korporacja"], "ru": ["Соавтор"], "se": ["Searvvušdahkki"], "sl": ["Korporativna značnica"],
    "sv": ["Institutionell upphovsman"], "tr": ["Müşterek Yazar"], "uk": ["Співавтор"], "vi": ["Tác giả của công ty"], "zh": ["企業作者"],
    "zh-cn": ["企业作者"],
  },
  corporateAuthors: {
    "en": ["Corporate Authors"], "es": ["Autores Corporativos"], "pt-br": ["Autores corporativos"], "de": ["Körperschaften"], "fr": ["Collectivités auteurs","Auteurs institutionnels"],
    "it": ["Enti autori"], "ar": ["مؤلفون مشاركون"], "bn": ["সংস্থা লেখক"], "ca": ["Autor corporatiu"], "cs": ["Korporace"],
    "cy": ["Awduron Corfforaethol"], "el": ["Συλλογικό Έργο","Συλλογικά Όργανα"], "eu": ["Egile korporatiboa"], "fi": ["Yhteisötekijät"], "ga": ["Údair chorparáideacha"],
    "hi": ["निगमित लेखकों"], "hr": ["Autori kompanije"], "hy": ["Համատեղ հեղինակներ"], "ja": ["共著者"], "mi": ["Ngā kaituhi rangatōpū"],
    "mn": ["Байгууллагын зохиогчид"], "nl": ["Coauteurs"], "pl": ["organizacja autorów"], "ru": ["Корпоративные авторы"], "se": ["Searvvušdahkkit"],
    "sv": ["Institutionella upphovsmän"], "tr": ["Kurumsal yazarlar"], "uk": ["Співавтори"], "vi": ["Nhiều tác giả của công ty"], "zh-cn": ["企业作者"],
  },
  format: {
    "en": ["Format"], "es": ["Formato"], "pt": ["Formato"], "pt-br": ["Formato","Suporte","Grau"], "de": ["Format"],
    "fr": ["Format"], "it": ["Natura"], "ar": ["التنسيق"], "bn": ["বিন্যাস"], "ca": ["Format"],
    "cs": ["Médium"], "cy": ["Fformat"], "da": ["Format"], "el": ["Μορφή"], "eu": ["Formatua"],
    "fi": ["Aineistotyyppi"], "ga": ["Formáid"], "gl": ["Formato"], "he": ["פורמט"], "hi": ["स्वरूप"],
    "hr": ["Format"], "hy": ["Ձևաչափ"], "ja": ["フォーマット"], "mi": ["Hōputu"], "mn": ["Формат"],
    "nl": ["Formaat"], "pl": ["Format"], "ru": ["Формат"], "se": ["Materiálatiipa"], "sl": ["Format"],
    "sv": ["Materialtyp","Format"], "tr": ["Materyal Türü"], "uk": ["Формат"], "vi": ["Định dạng"], "zh": ["格式"],
    "zh-cn": ["格式"],
  },
  language: {
    "en": ["Language"], "es": ["Lenguaje"], "pt": ["Idioma"], "pt-br": ["Idioma"], "de": ["Sprache"],
    "fr": ["Langue"], "it": ["Lingua"], "ar": ["اللغة"], "bn": ["ভাষা"], "ca": ["Idioma"],
    "cs": ["Jazyk"], "cy": ["Iaith"], "da": ["Sprog"], "el": ["Γλώσσα"], "eu": ["Hizkuntza"],
    "fi": ["Kieli"], "ga": ["Teanga"], "gl": ["Idioma"], "he": ["שפה"], "hi": ["भाषा"],
    "hr": ["Jezik"], "hy": ["Լեզու"], "ja": ["言語"], "mi": ["Reo"], "mn": ["Хэл сонгох"],
    "nl": ["Taal"], "pl": ["Język"], "ru": ["Язык"], "se": ["Giella"], "sl": ["Jezik"],
    "sv": ["Språk"], "tr": ["Dil"], "uk": ["Мова"], "vi": ["Ngôn ngữ"], "zh": ["語言"],
    "zh-cn": ["语言"],
  },
  published: {
    "en": ["Published"], "es": ["Publicado"], "pt": ["Publicado em"], "pt-br": ["Publicado em","Imprenta"], "de": ["Veröffentlicht"],
    "fr": ["Publié"], "it": ["Pubblicazione"], "ar": ["منشور في"], "bn": ["প্রকাশিত"], "ca": ["Publicat"],
    "cs": ["Vydáno"], "cy": ["Cyhoeddwyd"], "da": ["Udgivet"], "el": ["Έκδοση"], "eu": ["Argitaratua"],
    "fi": ["Julkaistu"], "ga": ["Foilsithe / Cruthaithe","Foilsithe"], "gl": ["Publicado"], "he": ["יצא לאור"], "hi": ["प्रकाशित"],
    "hr": ["Izdano"], "hy": ["Հրապարակվել է"], "ja": ["出版事項"], "mi": ["I whakaputaina"], "mn": ["Хэвлэсэн"],
    "nl": ["Gepubliceerd in"], "pl": ["Wydane"], "ru": ["Опубликовано"], "se": ["Almmustuhtton"], "sl": ["Izdano"],
    "sv": ["Publicerad"], "tr": ["Baskı/Yayın Bilgisi"], "uk": ["Опубліковано"], "vi": ["Được phát hành"], "zh": ["出版"],
    "zh-cn": ["出版"],
  },
  publishedIn: {
    "en": ["Published in"], "es": ["Publicado en"], "pt": ["Publicado no"], "pt-br": ["Publicado no"], "de": ["Veröffentlicht in"],
    "fr": ["Publié dans"], "it": ["Pubblicato in"], "ar": ["الحاوية / القاعدة","منشور في","حاوية النشر"], "bn": ["প্রকাশিত"], "ca": ["Publicat a"],
    "cs": ["Vydáno v"], "cy": ["Cyhoeddwyd yn"], "da": ["Udgivet i"], "el": ["Εκδόθηκε σε","Τόπος έκδοσης"], "eu": ["Argitaratua izan da"],
    "fi": ["Julkaisussa"], "ga": ["Foilsithe in"], "gl": ["Publicado en"], "he": ["הוצא לאור ב"], "hi": ["में प्रकाशित"],
    "hr": ["Izdano u"], "hy": ["Հրատարակված է"], "ja": ["出版年"], "mi": ["I whakaputaina i"], "mn": ["-д хэвлэсэн"],
    "nl": ["Gepubliceerd in"], "pl": ["Wydane w"], "ru": ["Опубликовано в:","Опубликовано в: "], "se": ["Publikašuvnnas"], "sl": ["izdano v"],
    "sv": ["I publikationen"], "tr": ["Yayımlandı"], "uk": ["Опубліковано в:","Опубліковано в: "], "vi": ["Xuất bản năm"], "zh": ["發表在"],
    "zh-cn": ["发表在"],
  },
  edition: {
    "en": ["Edition"], "es": ["Edición"], "pt": ["Edição"], "pt-br": ["Edição"], "de": ["Ausgabe"],
    "fr": ["Édition"], "it": ["Edizione"], "ar": ["الطبعة"], "bn": ["সংস্করন"], "ca": ["Edició"],
    "cs": ["Vydání"], "cy": ["Rhifyn"], "da": ["Udgivelse"], "el": ["Έκδοση"], "eu": ["Edizioa"],
    "fi": ["Painos"], "ga": ["Eagrán"], "gl": ["Edición"], "he": ["מהדורה"], "hi": ["संस्करण"],
    "hr": ["Izdanje"], "hy": ["Հրատարակություն"], "ja": ["版"], "mi": ["Putanga"], "mn": ["Хэвлэл"],
    "nl": ["Editie"], "pl": ["Wydanie"], "ru": ["Редактирование"], "se": ["Preanttus"], "sl": ["Izdaja"],
    "sv": ["Upplaga"], "tr": ["Edisyon"], "uk": ["Редагування"], "vi": ["Phiên bản"], "zh": ["版"],
    "zh-cn": ["版"],
  },
  series: {
    "en": ["Series"], "es": ["Colección","Series"], "pt": ["Colecção"], "pt-br": ["coleção"], "de": ["Schriftenreihe"],
    "fr": ["Collection"], "it": ["Serie"], "ar": ["سلاسل"], "bn": ["মালা"], "ca": ["Col·lecció","Periòdiques"],
    "cs": ["Edice"], "cy": ["Cyfres"], "da": ["Serier"], "el": ["Σειρά"], "eu": ["Saila"],
    "fi": ["Sarja"], "ga": ["Sraith"], "gl": ["Series"], "he": ["סדרה"], "hi": ["श्रृंखला"],
    "hr": ["Serija"], "hy": ["Շարք"], "ja": ["シリーズ"], "mi": ["Rangatū"], "mn": ["Цуврал"],
    "nl": ["Reeks"], "pl": ["Seria"], "ru": ["Серии"], "se": ["Ráidu"], "sl": ["Serija"],
    "sv": ["Serie"], "tr": ["Seri Bilgileri"], "uk": ["Серія"], "vi": ["Loạt"], "zh": ["叢編"],
    "zh-cn": ["丛编"],
  },
  subjects: {
    "en": ["Subjects"], "es": ["Materias"], "pt": ["Assuntos"], "pt-br": ["Assuntos"], "de": ["Schlagworte"],
    "fr": ["Sujets"], "it": ["Soggetti"], "ar": ["الموضوعات","مواضيع"], "bn": ["বিষয়গুলি"], "ca": ["Matèries"],
    "cs": ["Témata","Předmět"], "cy": ["Pynciau"], "da": ["Fag"], "el": ["Θέματα"], "eu": ["Gaiak"],
    "fi": ["Aiheet"], "ga": ["Ábhair"], "he": ["נושאים"], "hi": ["विषय"], "hr": ["Teme"],
    "hy": ["Խորագրեր"], "ja": ["主題"], "mi": ["Ngā marau"], "mn": ["Нөхцлүүд"], "nl": ["Onderwerpen"],
    "pl": ["Hasła przedmiotowe"], "ru": ["Предметы"], "se": ["Fáttát"], "sl": ["Teme"], "sv": ["Ämnen"],
    "tr": ["Konular"], "uk": ["Предмети"], "vi": ["Những chủ đề"], "zh": ["主題"], "zh-cn": ["主题"],
  },
  onlineAccess: {
    "en": ["Online Access"], "es": ["Acceso en línea"], "pt": ["Acesso em linha"], "pt-br": ["Acesso em linha"], "de": ["Online-Zugang","Online Zugang"],
    "fr": ["Accès en ligne"], "it": ["Accesso online"], "ar": ["الوصول للمادة أونلاين","وصول على الخط المباشر"], "bn": ["অনলাইন ব্যবহার করুন"], "ca": ["Accés en línia"],
    "cs": ["On-line přístup"], "cy": ["Mynediad Ar-lein"], "da": ["Online adgang"], "el": ["Διαθέσιμο Online"], "eu": ["Sarrera elektronikoa"],
    "fi": ["Linkit"], "ga": ["Rochtain ar líne","Rochtain Ar Líne"], "gl": ["Acceso en liña"], "he": ["גישה מקוונת"], "hi": ["ऑनलाइन पहुंच"],
    "hr": ["Online pristup"], "hy": ["Առցանց հասանելիություն","Առցանց հասանելություն"], "ja": ["オンライン･アクセス"], "mi": ["Urunga tuihono"], "mn": ["Онлайн хандалт"],
    "nl": ["Online toegang"], "pl": ["Dostęp online"], "ru": ["Online-ссылка"], "se": ["Liŋkkat"], "sl": ["Online dostop"],
    "sv": ["Länkar"], "tr": ["Online Erişim"], "uk": ["Онлайн доступ"], "vi": ["Truy cập trực tuyến"], "zh": ["在線閱讀"],
    "zh-cn": ["在线阅读"],
  },
  physicalDescription: {
    "en": ["Physical Description"], "es": ["Descripción Física","Descrición Física"], "pt": ["Descrição Física"], "pt-br": ["Descrição Física"], "de": ["Beschreibung"],
    "fr": ["Description matérielle","Description physique"], "it": ["Descrizione fisica","Formato"], "ar": ["وصف مادي"], "bn": ["দৈহিক বর্ননা"], "ca": ["Descripció física"],
    "cs": ["Fyzický popis"], "cy": ["Disgrifiad Corfforoll"], "da": ["Fysisk beskrivelse"], "el": ["Φυσική περιγραφή"], "eu": ["Deskribapen fisikoa"],
    "fi": ["Ulkoasu"], "ga": ["Cur síos fisiciúil","Cur Síos Fisiciúil"], "gl": ["Descrición Física"], "he": ["תיאור פיזי"], "hi": ["भौतिक वर्णन"],
    "hr": ["Opis fizičkog objekta","Opis"], "hy": ["Ֆիզիկական նկարագրություն"], "ja": ["物理的記述"], "mi": ["Whakaahuatanga ōkiko"], "mn": ["Биет тодорхойлолт"],
    "nl": ["Fysieke beschrijving"], "pl": ["Opis fizyczny"], "ru": ["Объем"], "se": ["Olgguldas hápmi"], "sl": ["Fizični opis"],
    "sv": ["Fysisk beskrivning","Utseende"], "tr": ["Fiziksel Özellikler"], "uk": ["Фізичний опис"], "vi": ["Mô tả vật lý"], "zh": ["實物描述"],
    "zh-cn": ["实物描述"],
  },
  summary: {
    "en": ["Summary"], "es": ["Sumario"], "pt": ["Resumo"], "pt-br": ["Resumo"], "de": ["Zusammenfassung"],
    "fr": ["Résumé","Sommaire"], "it": ["Riassunto"], "ar": ["الملخص"], "bn": ["সংক্ষিপ্ত"], "ca": ["Sumari"],
    "cs": ["Shrnutí"], "cy": ["Crynodeb"], "da": ["Summary"], "el": ["Περίληψη"], "eu": ["Gaia"],
    "fi": ["Yhteenveto"], "ga": ["Achoimre"], "he": ["סיכום"], "hi": ["सारांश"], "hr": ["Sažetak"],
    "hy": ["Ամփոփում"], "ja": ["要約"], "mi": ["Whakarāpopototanga"], "mn": ["Тойм"], "nl": ["Samenvatting"],
    "pl": ["Streszczenie"], "ru": ["Итог"], "se": ["Čoahkkáigeassu"], "sl": ["Izvleček"], "sv": ["Sammanfattning"],
    "tr": ["Özet"], "uk": ["Резюме"], "vi": ["Tóm tắt"], "zh": ["總結"], "zh-cn": ["总结"],
  },
  isbn: {
    "en": ["ISBN"], "es": ["ISBN"], "pt": ["ISBN"], "pt-br": ["ISBN"], "de": ["ISBN"],
    "fr": ["ISBN"], "it": ["ISBN"], "ar": ["ردمك","ISBN"], "bn": ["আইসবিএন"], "ca": ["ISBN"],
    "cs": ["ISBN"], "cy": ["ISBN"], "da": ["ISBN"], "el": ["ISBN"], "eu": ["ISBN"],
    "fi": ["ISBN"], "ga": ["ISBN"], "gl": ["ISBN"], "he": ["ISBN"], "hi": ["आईएसबीएन"],
    "hr": ["ISBN"], "hy": ["ISBN"], "ja": ["ISBN"], "mi": ["ISBN"], "mn": ["ISBN"],
    "nl": ["ISBN"], "pl": ["ISBN"], "ru": ["ISBN"], "se": ["ISBN"], "sl": ["ISBN"],
    "sv": ["ISBN"], "tr": ["ISBN"], "uk": ["ISBN"], "vi": ["số ISBN"], "zh": ["ISBN"],
    "zh-cn": ["ISBN"],
  },
  issn: {
    "en": ["ISSN"], "es": ["ISSN"], "pt": ["ISSN"], "pt-br": ["ISSN"], "de": ["ISSN"],
    "fr": ["ISSN"], "it": ["ISSN"], "ar": ["تدمد"], "bn": ["আইএসএসএন"], "ca": ["ISSN"],
    "cs": ["ISSN"], "cy": ["ISSN"], "da": ["ISSN"], "el": ["ISSN"], "eu": ["ISSN"],
    "fi": ["ISSN"], "ga": ["ISSN"], "gl": ["ISSN"], "he": ["ISSN"], "hi": ["आईएसएसएन"],
    "hr": ["ISSN"], "hy": ["ISSN"], "ja": ["ISSN"], "mi": ["ISSN"], "mn": ["ISSN"],
    "nl": ["ISSN"], "pl": ["ISSN"], "ru": ["ISSN"], "se": ["ISSN"], "sl": ["ISSN"],
    "sv": ["ISSN"], "tr": ["ISSN"], "uk": ["ISSN"], "vi": ["số ISSN"], "zh": ["ISSN"],
    "zh-cn": ["ISSN"],
  },
  doi: {
    "en": ["DOI"], "es": ["DOI"], "pt": ["DOI"], "pt-br": ["DOI"], "de": ["DOI"],
    "fr": ["DOI"], "it": ["DOI"], "ar": ["DOI"], "bn": ["ডিওআই"], "ca": ["DOI"],
    "cs": ["DOI"], "cy": ["DOI"], "el": ["DOI"], "eu": ["DOI"], "fi": ["DOI"],
    "ga": ["DOI"], "gl": ["DOI"], "hi": ["डिजिटल ऑब्जेक्ट पहचानकर्ता"], "hr": ["Digitalni identifikator objekta"], "hy": ["DOI"],
    "ja": ["DOI"], "mi": ["DOI"], "mn": ["DOI"], "nl": ["DOI"], "pl": ["DOI"],
    "ru": ["DOI"], "se": ["DOI"], "sv": ["DOI"], "tr": ["DOI"], "uk": ["DOI"],
    "vi": ["DOI"], "zh-cn": ["DOI"],
  },
};
