/**
 * VuFind's stock `import/format_map.properties` (VuFind 10, as in ../shared/data/marc/import):
 * the value its MARC format calculator (`getFormats`) returns -> the label indexed in the
 * `format` facet. `format = custom, getFormats, format_map.properties, unique` in
 * marc.properties, so a record's indexed formats are these labels, in calculator order,
 * without repeats. Every value the calculator returns is listed.
 */
export const VUFIND_FORMAT_LABELS: Readonly<Record<string, string>> = {
  Article: 'Article', Atlas: 'Map', Book: 'Book', BookComponentPart: 'Book Chapter', Braille: 'Braille',
  BRDisc: 'Blu-ray Disc', CDROM: 'Software', Chart: 'Photo', ChipCartridge: 'Software', Collage: 'Photo',
  ConferenceProceeding: 'Conference Proceeding', DataSet: 'Data Set', DiscCartridge: 'Software', Drawing: 'Photo',
  eBook: 'eBook', Electronic: 'Electronic', ElectronicResource: 'Software', Filmstrip: 'Video', FlashCard: 'Photo',
  FloppyDisk: 'Software', Font: 'Software', Globe: 'Globe', GovernmentDocument: 'Government Document',
  Image: 'Image', InteractiveMultimedia: 'Software', Journal: 'Journal', Kit: 'Kit', Manuscript: 'Manuscript',
  Map: 'Map', Microfilm: 'Microfilm', MotionPicture: 'Video', MusicalScore: 'Musical Score', MusicRecording: 'Audio',
  Newspaper: 'Newspaper', OnlineIntegratingResource: 'Database', Painting: 'Photo', Photonegative: 'Photo',
  Photo: 'Photo', PhysicalIntegratingResource: 'Reference Material', PhysicalObject: 'Physical Object',
  Postcard: 'Postcard', Poster: 'Poster', Print: 'Photo', ProjectedMedium: 'Slide', SensorImage: 'Sensor Image',
  SerialComponentPart: 'Article', Serial: 'Serial', Slide: 'Slide', Software: 'Software', SoundCassette: 'Cassette',
  SoundDisc: 'CD', SoundRecording: 'Audio', TapeCartridge: 'Software', TapeCassette: 'Software', TapeReel: 'Software',
  Text: 'Text', Thesis: 'Thesis', Transparency: 'Slide', Unknown: 'Unknown', VideoCartridge: 'Video',
  VideoCassette: 'VHS', VideoDisc: 'DVD', VideoGame: 'Video Game', VideoOnline: 'Video', VideoReel: 'Video',
  Video: 'Video', Website: 'Website',
};
