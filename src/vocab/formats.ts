/**
 * The values VuFind writes to the `format` facet: the MARC format calculator of VuFind 8+
 * (`FormatCalculator.java`, CamelCase values such as `SoundRecording`), the older
 * `marc.properties` format map (spaced values such as `Sound Recording`), and the values
 * VuFind's XSLT importers set (`Online`, `Article`, `Text` for PubMed/NLM records).
 * The Staff View joins a record's formats with spaces, so this list is what tells
 * `Online Article Text` (three values) from `Sound Recording` (one).
 */
export const VUFIND_FORMATS: readonly string[] = [
  // XSLT importers (NLM/PubMed, Dublin Core, EAD ...)
  'Online', 'Article', 'Text', 'Electronic', 'Journal Article', 'Newspaper Article', 'Book Chapter',
  'Conference Proceeding', 'Archival Material', 'Government Document', 'Mixed Materials', 'Audio',
  // Format calculator, spaced (VuFind <= 7 `format_map` and most translations)
  'Atlas', 'Map', 'Globe', 'Braille', 'Book', 'eBook', 'Journal', 'Newspaper', 'Serial', 'Thesis',
  'Dissertation', 'Manuscript', 'Microfilm', 'Microfiche', 'Slide', 'Filmstrip', 'Transparency',
  'Chart', 'Photo', 'Photonegative', 'Drawing', 'Painting', 'Print', 'Poster', 'Postcard', 'Collage',
  'Flash Card', 'Kit', 'Musical Score', 'Music Recording', 'Sound Recording', 'Sound Disc',
  'Sound Cassette', 'Video', 'Video Cassette', 'Video Disc', 'Video Reel', 'Video Cartridge',
  'Video Online', 'Video Game', 'Motion Picture', 'Projected Medium', 'Image', 'Software', 'Data Set',
  'CD', 'CD-ROM', 'CDROM', 'DVD', 'Blu-ray', 'BRDisc', 'Tape Cartridge', 'Chip Cartridge',
  'Disc Cartridge', 'Tape Cassette', 'Tape Reel', 'Floppy Disk', 'Sensor Image', 'Website',
  'Online Integrating Resource', 'Physical Integrating Resource', 'Book Component Part',
  'Serial Component Part', 'Physical Object', 'Sensorimotor Artifact', 'Unknown',
  // Format calculator, CamelCase (VuFind 8+)
  'FlashCard', 'MusicalScore', 'MusicRecording', 'SoundRecording', 'SoundDisc', 'SoundCassette',
  'VideoCassette', 'VideoDisc', 'VideoReel', 'VideoCartridge', 'VideoOnline', 'VideoGame',
  'MotionPicture', 'ProjectedMedium', 'DataSet', 'TapeCartridge', 'ChipCartridge', 'DiscCartridge',
  'TapeCassette', 'TapeReel', 'FloppyDisk', 'SensorImage', 'OnlineIntegratingResource',
  'PhysicalIntegratingResource', 'BookComponentPart', 'SerialComponentPart', 'PhysicalObject',
  'ConferenceProceeding',
];
