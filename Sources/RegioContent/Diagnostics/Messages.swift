/// The one catalogue of what the tool says: every diagnostic has a stable code (`RP` and four
/// digits), a plain-Dutch text and hint for editors, and an English text for developers.
///
/// Codes are grouped by stage: RP01xx load, RP02xx parse (front matter, YAML), RP03xx fields,
/// RP04xx references and checks, RP05xx templates, RP06xx writing the output, RP07xx the
/// preview, RP08xx the command line and `new`. A code is never reused or renumbered: CI and
/// scripts match on it. A message that goes away keeps its number retired; a new one gets the
/// next free number of its stage (`MessageCatalogueTests` lists every code).
///
/// `{1}`, `{2}`, … are filled with the arguments given where the message is made; the hint may
/// use the same arguments.
public enum MessageCode: String, Sendable, Hashable, CaseIterable, Codable {
    // RP01xx: loading the content, templates and public folder.
    case contentFolderMissing = "RP0101"
    case unknownContentFolder = "RP0102"
    case unexpectedContentFile = "RP0103"
    case siteSettingsMissing = "RP0104"
    case nestedFolder = "RP0105"
    case unsupportedFile = "RP0106"
    case tooManyFiles = "RP0107"
    case fileNameNotSlug = "RP0108"
    case symbolicLinkInContent = "RP0109"
    case cannotReadFile = "RP0110"
    case notARegularFile = "RP0111"
    case specialFileInContent = "RP0112"
    case fileTooLarge = "RP0113"
    case wrongEncoding = "RP0114"
    case nulByte = "RP0115"
    case invalidUTF8 = "RP0116"
    case cannotReadFolder = "RP0117"
    case fileNameNotUTF8 = "RP0118"
    case symbolicLinkInPublic = "RP0130"
    case specialFileInPublic = "RP0131"
    case cannotReadPublicFile = "RP0132"

    // RP02xx: front matter and YAML.
    case noFrontMatter = "RP0201"
    case frontMatterNotClosed = "RP0202"
    case frontMatterEndsInText = "RP0203"
    case frontMatterEndsEarly = "RP0204"
    case yamlUnreadable = "RP0205"
    case yamlAlias = "RP0206"
    case yamlTooManyValues = "RP0207"
    case yamlTooDeep = "RP0208"
    case yamlKeyNotWord = "RP0209"
    case yamlSyntax = "RP0210"
    case duplicateKey = "RP0211"
    case frontMatterEmpty = "RP0212"
    case notAMapping = "RP0213"

    // RP03xx: keys and their values.
    case unknownKey = "RP0301"
    case keyWithoutValue = "RP0302"
    case missingKey = "RP0303"
    case oneOfRequired = "RP0304"
    case onlyOneOf = "RP0305"
    case notAList = "RP0306"
    case tooFewItems = "RP0307"
    case notAMappingValue = "RP0308"
    case wrongType = "RP0309"
    case emptyText = "RP0310"
    case implausibleYear = "RP0311"
    case dateNotISO = "RP0312"
    case dateDoesNotExist = "RP0313"
    case notADate = "RP0314"
    case numberOutOfRange = "RP0315"
    case notANumber = "RP0316"
    case notABoolean = "RP0317"
    case notHTTPS = "RP0318"
    case invalidSlug = "RP0319"
    case invalidChoice = "RP0320"
    case baseURLOption = "RP0321"
    case baseURLSetting = "RP0322"
    case placeholderBaseURL = "RP0323"
    case implausibleNow = "RP0324"

    // RP04xx: references, provenance, dates and the texts of pages.
    case duplicateSlug = "RP0401"
    case reservedSlug = "RP0402"
    case unknownReference = "RP0403"
    case listedTwice = "RP0404"
    case noProvenance = "RP0405"
    case twoProvenances = "RP0406"
    case relationWithoutProvenance = "RP0407"
    case dependencyCycle = "RP0408"
    case endNotAfterStart = "RP0409"
    case endBeforeStart = "RP0410"
    case expiryNotAfterPublish = "RP0411"
    case imageWithoutAlt = "RP0412"
    case variantWithoutStart = "RP0413"
    case variantsOutOfOrder = "RP0414"
    case variantOverlap = "RP0415"
    case stepBackwards = "RP0416"
    case stepDatedBefore = "RP0417"
    case noFullParticipant = "RP0418"
    case headingLevelOne = "RP0419"
    case headingJump = "RP0420"
    case missingOwnAnchor = "RP0421"
    case linkWithoutDestination = "RP0422"
    case unsafeLink = "RP0423"
    case imageNotAbsolute = "RP0424"
    case relativeLink = "RP0425"
    case linkLeavesFolder = "RP0426"
    case missingAnchor = "RP0427"
    case linkWithoutSlash = "RP0428"
    case brokenLink = "RP0429"
    case missingImage = "RP0430"
    case outputLinkOutsideSite = "RP0450"
    case outputBrokenLink = "RP0451"
    case outputMissingAnchor = "RP0452"

    // RP05xx: templates.
    case templatesFolderMissing = "RP0501"
    case templateNotUTF8 = "RP0502"
    case templateTooLarge = "RP0503"
    case templateNotAFile = "RP0504"
    case cannotReadTemplate = "RP0505"
    case templateSyntax = "RP0506"
    case missingPartial = "RP0507"
    case unknownFunction = "RP0508"
    case templateIncludesItself = "RP0509"
    case templateMissing = "RP0510"
    case templatesTooDeep = "RP0511"
    case nameNotInData = "RP0512"

    // RP06xx: writing the output.
    case refuseMapOutput = "RP0601"
    case refuseSchemaOutput = "RP0602"
    case contentFolderRefused = "RP0603"
    case cannotWrite = "RP0604"
    case cannotMakeFolder = "RP0605"
    case cannotMakeParent = "RP0606"
    case cannotMakeLock = "RP0607"
    case cannotLock = "RP0608"
    case outputBusy = "RP0609"
    case lockKeepsChanging = "RP0610"
    case refuseOutput = "RP0611"
    case notWrittenByBuild = "RP0612"
    case outputFileProblem = "RP0613"
    case incompleteSite = "RP0614"
    case cannotRename = "RP0615"
    case outsideOutput = "RP0616"
    case siteNotWritten = "RP0617"

    // RP07xx: the preview.
    case previewBuildFailed = "RP0701"
    case portInUse = "RP0702"

    // RP08xx: the command line, `new` and `map`.
    case unknownLanguage = "RP0801"
    case titleInvisibleCharacter = "RP0802"
    case titleTooLong = "RP0803"
    case titleWithoutName = "RP0804"
    case fileExists = "RP0805"
    case duplicateNodeID = "RP0806"
    case unknownNode = "RP0807"
    case summaryOmitted = "RP0808"
    case nowNotADate = "RP0809"

    /// The message, with the placeholders the arguments fill.
    var template: Template {
        switch self {
        case .contentFolderMissing: return Template("de inhoudsmap {1} bestaat niet", "content folder {1} does not exist")
        case .unknownContentFolder: return Template("onbekende map \"{1}\" in de inhoudsmap", "unknown content folder \"{1}\"")
        case .unexpectedContentFile: return Template("het bestand \"{1}\" hoort niet los in de inhoudsmap", "unexpected file \"{1}\" in the content folder")
        case .siteSettingsMissing: return Template("het bestand met de instellingen van de site, site.yml, ontbreekt", "site settings file site.yml is missing")
        case .nestedFolder: return Template("in {1}/ mogen geen mappen staan", "folders inside {1}/ are not supported")
        case .unsupportedFile: return Template("het bestand \"{1}\" in {2}/ wordt niet gelezen", "unsupported file \"{1}\" in {2}/")
        case .tooManyFiles: return Template("meer dan {1} bestanden in de inhoudsmap", "more than {1} content files")
        case .fileNameNotSlug: return Template("de bestandsnaam \"{1}\" mag alleen kleine letters, cijfers en streepjes bevatten", "file name \"{1}\" is not a valid slug")
        case .symbolicLinkInContent: return Template("een symbolische koppeling in de inhoudsmap wordt niet gevolgd", "symbolic links are not followed in the content folder")
        case .cannotReadFile: return Template("kan het bestand niet lezen: {1}", "cannot read file: {1}")
        case .notARegularFile: return Template("dit is {1}", "this is {1}")
        case .specialFileInContent: return Template("dit is {1}, geen gewoon bestand of map: het wordt niet gelezen", "this is {1}, not a regular file or folder: it is not read")
        case .fileTooLarge: return Template("het bestand is te groot (meer dan {1} bytes)", "file is too large (more than {1} bytes)")
        case .wrongEncoding: return Template("het bestand is opgeslagen als {1}, niet als UTF-8", "the file is saved as {1}, not as UTF-8")
        case .nulByte: return Template("in het bestand staat een NUL-teken (een onzichtbaar stuurteken)", "the file contains a NUL byte (an invisible control character)")
        case .invalidUTF8: return Template("het bestand is geen geldige UTF-8-tekst", "file is not valid UTF-8")
        case .cannotReadFolder: return Template("kan de map niet lezen: {1}", "cannot read folder: {1}")
        case .fileNameNotUTF8: return Template("een bestandsnaam in {1} is geen geldige UTF-8-tekst: \"{2}\"", "a file name in {1} is not valid UTF-8: \"{2}\"")
        case .symbolicLinkInPublic: return Template("een symbolische koppeling in de map Public wordt niet gekopieerd", "symbolic links are not copied from the public folder")
        case .specialFileInPublic: return Template("dit is {1}, geen gewoon bestand: het wordt niet gekopieerd", "this is {1}, not a regular file: it is not copied")
        case .cannotReadPublicFile: return Template("kan dit bestand niet lezen: {1}", "cannot read this file: {1}")

        case .noFrontMatter: return Template("het bestand begint niet met front matter (de gegevens tussen twee regels ---)", "file does not start with front matter")
        case .frontMatterNotClosed: return Template("de front matter wordt niet afgesloten met een regel ---", "front matter is not closed")
        case .frontMatterEndsInText: return Template("deze regel --- beëindigt de front matter midden in de tekst van \"{1}\" (begonnen op regel {2})", "this line --- ends the front matter in the middle of the text of \"{1}\" (begun on line {2})")
        case .frontMatterEndsEarly: return Template("de front matter eindigt op deze regel ---, maar regel {1} gaat verder met de sleutel \"{2}\"", "the front matter ends at this line ---, but line {1} goes on with the key \"{2}\"")
        case .yamlUnreadable: return Template("de gegevens (YAML) zijn niet te lezen: {1}", "YAML could not be read: {1}")
        case .yamlAlias: return Template("verwijzingen met & en * zijn in de gegevens niet toegestaan", "YAML anchors and aliases (& and *) are not allowed")
        case .yamlTooManyValues: return Template("de gegevens hebben meer dan {1} waarden", "YAML document has more than {1} values")
        case .yamlTooDeep: return Template("de gegevens zijn meer dan {1} niveaus diep ingesprongen", "YAML is nested more than {1} levels deep")
        case .yamlKeyNotWord: return Template("een sleutel moet een gewoon woord zijn", "a key must be a plain word")
        case .yamlSyntax: return Template("de gegevens (YAML) zijn niet goed opgeschreven: {1}", "YAML syntax error: {1}")
        case .duplicateKey: return Template("de sleutel {1} staat er twee keer", "duplicate key {1}")
        case .frontMatterEmpty: return Template("de front matter is leeg", "front matter is empty")
        case .notAMapping: return Template("hier horen sleutels met waarden (sleutel: waarde), gevonden: {1}", "expected a mapping of keys and values, found {1}")

        case .unknownKey: return Template("onbekende sleutel \"{1}\"", "unknown key \"{1}\"")
        case .keyWithoutValue: return Template("bij \"{1}\" staat geen waarde", "\"{1}\" has no value")
        case .missingKey: return Template("de sleutel \"{1}\" ontbreekt; die is verplicht", "missing required key \"{1}\"")
        case .oneOfRequired: return Template("een van {1} is verplicht", "one of {1} is required")
        case .onlyOneOf: return Template("geef {1}, niet allebei", "give either {1}, not both")
        case .notAList: return Template("bij \"{1}\" hoort een lijst, gevonden: {2}", "\"{1}\" must be a list, found {2}")
        case .tooFewItems: return Template("bij \"{1}\" hoort minstens {2} waarde(n)", "\"{1}\" needs at least {2} item(s)")
        case .notAMappingValue: return Template("bij \"{1}\" horen sleutels met waarden (sleutel: waarde), gevonden: {2}", "\"{1}\" must be a mapping (key: value), found {2}")
        case .wrongType: return Template("bij \"{1}\" hoort {2}, gevonden: {3}", "\"{1}\" must be {2}, found {3}")
        case .emptyText: return Template("\"{1}\" is leeg", "\"{1}\" is empty")
        case .implausibleYear: return Template("het jaar {1} in \"{2}\" kan niet kloppen: jaren lopen {3}", "the year {1} in \"{2}\" cannot be right: years run {3}")
        case .dateNotISO: return Template("\"{1}\" is niet geschreven als JJJJ-MM-DD (jaar-maand-dag)", "\"{1}\" is not written as YYYY-MM-DD (year-month-day)")
        case .dateDoesNotExist: return Template("\"{1}\" is geen datum die bestaat", "\"{1}\" is not a date that exists")
        case .notADate: return Template("\"{1}\" is geen datum", "\"{1}\" is not a date")
        case .numberOutOfRange: return Template("\"{1}\" moet een heel getal {2} zijn, gevonden: {3}", "\"{1}\" must be a whole number {2}, found {3}")
        case .notANumber: return Template("bij \"{1}\" hoort een heel getal, gevonden: \"{2}\"", "\"{1}\" must be a whole number, found \"{2}\"")
        case .notABoolean: return Template("bij \"{1}\" hoort true of false, gevonden: \"{2}\"", "\"{1}\" must be true or false, found \"{2}\"")
        case .notHTTPS: return Template("bij \"{1}\" hoort een webadres dat begint met https://, gevonden: \"{2}\"", "\"{1}\" must be a web address starting with https://, found \"{2}\"")
        case .invalidSlug: return Template("\"{1}\" is geen geldige naam van een {2}", "\"{1}\" is not a valid {2} slug")
        case .invalidChoice: return Template("\"{2}\" is geen geldige {1}", "invalid {1} \"{2}\"")
        case .baseURLOption: return Template("--base-url {1}, gevonden \"{2}\"", "--base-url {1}, found \"{2}\"")
        case .baseURLSetting: return Template("\"base_url\" {1}", "\"base_url\" {1}")
        case .placeholderBaseURL: return Template("base_url is nog het voorbeeldadres {1}", "base_url is still the placeholder {1}")
        case .implausibleNow: return Template("--now {1} kan niet kloppen: het jaar moet van {2} tot en met {3} lopen", "--now {1} cannot be right: the year must be from {2} to {3}")

        case .duplicateSlug: return Template("de naam \"{1}\" wordt al gebruikt door {2}", "duplicate slug \"{1}\": {2} has the same name")
        case .reservedSlug: return Template("de naam \"{1}\" is gereserveerd voor de eigen pagina's van het portaal", "page slug \"{1}\" is reserved for the portal's own pages")
        case .unknownReference: return Template("er is geen {1} met de naam \"{2}\"", "unknown {1} \"{2}\"")
        case .listedTwice: return Template("{1} \"{2}\" staat er twee keer", "{1} \"{2}\" is listed twice")
        case .noProvenance: return Template("bij dit bestand staat niet waar de gegevens vandaan komen", "this file does not say where its data comes from")
        case .twoProvenances: return Template("hier staan twee soorten herkomst tegelijk: {1}", "two kinds of provenance at once: {1}")
        case .relationWithoutProvenance: return Template("bij {1} staat niet waar het vandaan komt", "{1} does not say where it comes from")
        case .dependencyCycle: return Template("de opgaven hangen in een kring van elkaar af: {1}", "dependency cycle: {1}")
        case .endNotAfterStart: return Template("\"tot\" ({1}) ligt niet na \"vanaf\" ({2})", "\"tot\" ({1}) is not after \"vanaf\" ({2})")
        case .endBeforeStart: return Template("de einddatum {1} ligt voor de begindatum {2}", "end date {1} is before start date {2}")
        case .expiryNotAfterPublish: return Template("expiryDate {1} ligt niet na publishDate {2}", "expiryDate {1} is not after publishDate {2}")
        case .imageWithoutAlt: return Template("afbeelding zonder beschrijving (alt-tekst)", "image without alt text")
        case .variantWithoutStart: return Template("elke variant na de eerste heeft een datum \"vanaf\" nodig", "every variant after the first needs a \"vanaf\" date")
        case .variantsOutOfOrder: return Template("de varianten staan niet op volgorde van datum ({1} ligt niet na {2})", "variant periods are not in date order ({1} is not after {2})")
        case .variantOverlap: return Template("deze variant overlapt de vorige (die loopt tot {1})", "variant period overlaps the previous one (which runs until {1})")
        case .stepBackwards: return Template("stap \"{1}\" komt na \"{2}\"; stappen gaan alleen vooruit", "step \"{1}\" comes after \"{2}\"; steps only go forward")
        case .stepDatedBefore: return Template("stap \"{1}\" ({2}) heeft een datum voor de vorige stap ({3})", "step \"{1}\" ({2}) is dated before the previous step ({3})")
        case .noFullParticipant: return Template("coalitie \"{1}\" heeft geen deelnemer met variant \"volledig\"", "coalition \"{1}\" has no participant with variant \"volledig\"")
        case .headingLevelOne: return Template("een kop van niveau 1 (#) in de tekst", "a level-1 heading (#) in the text")
        case .headingJump: return Template("de koppen springen van niveau {1} naar {2}", "heading level jumps from {1} to {2}")
        case .missingOwnAnchor: return Template("link naar een anker dat niet op deze pagina staat: \"#{1}\"", "link to an anchor that is not on this page: \"#{1}\"")
        case .linkWithoutDestination: return Template("{1} zonder adres", "{1} without a destination")
        case .unsafeLink: return Template("onveilige link \"{1}\"", "unsafe link \"{1}\"")
        case .imageNotAbsolute: return Template("afbeelding \"{1}\" heeft geen volledig adres", "image \"{1}\" has no full address")
        case .relativeLink: return Template("link \"{1}\" heeft geen volledig adres", "relative link \"{1}\"")
        case .linkLeavesFolder: return Template("link \"{1}\" gaat buiten zijn map", "link \"{1}\" leaves its folder")
        case .missingAnchor: return Template("link naar een anker \"#{1}\" dat niet op {2} staat", "link to missing anchor \"#{1}\" on {2}")
        case .linkWithoutSlash: return Template("link \"{1}\" moet eindigen op een /", "link \"{1}\" should end with a slash")
        case .brokenLink: return Template("link naar een pagina die niet bestaat: {1}", "link to a page that does not exist: {1}")
        case .missingImage: return Template("afbeelding niet gevonden: {1} staat niet in Public/", "image not found: {1} is not in Public/")
        case .outputLinkOutsideSite: return Template("link {1} ligt buiten het pad van de site {2} (op {3})", "link {1} is outside the site path {2} (on {3})")
        case .outputBrokenLink: return Template("kapotte link {1} (op {2})", "broken link {1} (on {2})")
        case .outputMissingAnchor: return Template("link naar een anker dat niet bestaat: {1} (op {2})", "link to missing anchor {1} (on {2})")

        case .templatesFolderMissing: return Template("de map met templates {1} bestaat niet", "templates folder {1} does not exist")
        case .templateNotUTF8: return Template("de template is geen leesbare UTF-8-tekst", "template is not readable UTF-8 text")
        case .templateTooLarge: return Template("de template is te groot (meer dan {1} bytes)", "template is too large (more than {1} bytes)")
        case .templateNotAFile: return Template("dit is {1}", "this is {1}")
        case .cannotReadTemplate: return Template("kan de template niet lezen: {1}", "cannot read template: {1}")
        case .templateSyntax: return Template("de template is niet goed opgebouwd: {1}", "template syntax error: {1}")
        case .missingPartial: return Template("{1} \"{2}\" bestaat niet", "{1} \"{2}\" does not exist")
        case .unknownFunction: return Template("onbekende functie \"{1}\"", "unknown function \"{1}\"")
        case .templateIncludesItself: return Template("deze template voegt zichzelf in, via deze tag: {1}", "this template includes itself, through this tag: {1}")
        case .templateMissing: return Template("de template {1}.mustache ontbreekt", "template {1}.mustache is missing")
        case .templatesTooDeep: return Template("partials en blokken zijn hier meer dan {1} niveaus diep in elkaar gezet; {2} is niet meer ingevoegd", "partials and blocks are nested more than {1} levels deep here; {2} was not included")
        case .nameNotInData: return Template("\"{1}\" staat niet in de gegevens die deze template krijgt, dus hier komt niets", "\"{1}\" is not in the data this template gets, so it writes nothing")

        case .refuseMapOutput: return Template("schrijft de kaart niet naar {1}: {2}", "not writing the map to {1}: {2}")
        case .refuseSchemaOutput: return Template("schrijft de schema's niet in {1}: {2}", "not writing the schemas into {1}: {2}")
        case .contentFolderRefused: return Template("{1}", "{1}")
        case .cannotWrite: return Template("kon {1} niet schrijven: {2}", "could not write {1}: {2}")
        case .cannotMakeFolder: return Template("kon de map {1} niet maken: {2}", "could not make the folder {1}: {2}")
        case .cannotMakeParent: return Template("kan de map boven {1} niet maken: {2}", "cannot make the folder above {1}: {2}")
        case .cannotMakeLock: return Template("kan het slotbestand {1} niet maken: {2}", "cannot make the lock file {1}: {2}")
        case .cannotLock: return Template("kan {1} niet vergrendelen: {2}", "cannot lock {1}: {2}")
        case .outputBusy: return Template("een andere regioportaal{1} schrijft al naar {2}", "another regioportaal{1} is writing to {2}")
        case .lockKeepsChanging: return Template("kan {1} niet vergrendelen: het slotbestand {2} wisselt steeds", "cannot lock {1}: the lock file {2} keeps changing")
        case .refuseOutput: return Template("schrijft de site niet in {1}: {2}", "not writing the site into {1}: {2}")
        case .notWrittenByBuild: return Template("{1} is niet door een eerdere build geschreven; het wordt niet overschreven", "{1} was not written by an earlier build; it is not overwritten")
        case .outputFileProblem: return Template("{1}: {2}", "{1}: {2}")
        case .incompleteSite: return Template("de nieuwe site is onvolledig: {1} ontbreekt of is afgebroken in de voorlopige map {2}", "the new site is incomplete: {1} is missing or cut short in the staging folder {2}")
        case .cannotRename: return Template("kan {1} niet hernoemen naar {2}: {3}", "cannot rename {1} to {2}: {3}")
        case .outsideOutput: return Template("schrijft niet buiten de uitvoermap: {1}", "refusing to write outside the output folder: {1}")
        case .siteNotWritten: return Template("kon de site niet schrijven in {1}: {2}", "could not write the site into {1}: {2}")

        case .portInUse: return Template("poort {1} op {2} is al in gebruik (draait er al een regioportaal serve?)", "port {1} on {2} is already in use (is another `regioportaal serve` running?)")
        case .nowNotADate: return Template("--now moet een datum zijn als JJJJ-MM-DD, gevonden \"{1}\"", "--now must be a date written YYYY-MM-DD, got \"{1}\"")
        case .previewBuildFailed: return Template("de preview kon de site niet bouwen: {1}", "the preview could not build the site: {1}")

        case .unknownLanguage: return Template("{1} \"{2}\" is geen taal die regioportaal kent", "{1} \"{2}\" is not a language regioportaal knows")
        case .titleInvisibleCharacter: return Template("de titel bevat een onzichtbaar teken ({1}), zoals een regeleinde", "the title contains an invisible character ({1}), such as a line break")
        case .titleTooLong: return Template("de titel is langer dan {1} tekens", "the title is longer than {1} characters")
        case .titleWithoutName: return Template("van de titel \"{1}\" kan geen bestandsnaam gemaakt worden", "no file name can be made from the title \"{1}\"")
        case .fileExists: return Template("{1} bestaat al", "{1} already exists")
        case .duplicateNodeID: return Template("het id \"{1}\" staat er twee keer", "duplicate node id \"{1}\"")
        case .unknownNode: return Template("onbekend knooppunt \"{1}\"", "unknown node \"{1}\"")
        case .summaryOmitted: return Template("… en nog {1} {2} in dit bestand", "… and {1} more {2} in this file")
        }
    }

    /// The hint when the place that reports the message gives none; nil when it always does
    /// or there is nothing to add.
    var defaultHint: Template? {
        switch self {
        case .contentFolderMissing: return Template("start de opdracht in de projectmap, of geef de map met --content MAP", "run the command in the project folder, or pass --content DIR")
        case .unexpectedContentFile: return Template("inhoud hoort in een van de mappen {2}; de instellingen van de site in site.yml", "content belongs in one of the folders {2}; site settings in site.yml")
        case .siteSettingsMissing: return Template("maak {1} met minstens titel, beschrijving en base_url", "create {1} with at least titel, beschrijving and base_url")
        case .nestedFolder: return Template("zet de bestanden van {2}/ direct in {1}/", "move the files of {2}/ up into {1}/")
        case .tooManyFiles: return Template("deze grens beschermt de bouw van de site; verdeel de inhoud of verhoog de grens in de code", "this limit protects the build; split the content or raise the limit in the code")
        case .fileNameNotSlug: return Template("gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld \"{2}\"", "use lowercase letters, digits and hyphens only, for example \"{2}\"")
        case .symbolicLinkInContent, .symbolicLinkInPublic: return Template("zet het bestand zelf hier in plaats van de koppeling", "replace the link by the file itself")
        case .notARegularFile: return Template("inhoud staat in gewone .md- of .yml-bestanden; haal dit weg", "content files are plain .md or .yml files; remove it")
        case .specialFileInContent: return Template("in de inhoudsmap staan alleen mappen en .md- of .yml-bestanden; haal dit weg", "the content folder holds only folders and .md or .yml files; remove it")
        case .fileTooLarge: return Template("verdeel de tekst over meer pagina's", "split the text over several pages")
        case .wrongEncoding: return Template("sla het bestand op als UTF-8 (in Kladblok: Opslaan als… → Codering: UTF-8; in VS Code: rechtsonder op {1} klikken → Opslaan met codering → UTF-8)", "save the file as UTF-8 (in Notepad: Save as… → Encoding: UTF-8; in VS Code: click {1} at the bottom right → Save with encoding → UTF-8)")
        case .nulByte: return Template("haal het teken op deze plek weg; het komt meestal mee bij kopiëren uit een ander programma", "delete the character at this position; it usually comes from copying text out of another program")
        case .invalidUTF8, .templateNotUTF8: return Template("sla het bestand in uw editor op als UTF-8", "save the file as UTF-8 in your editor")
        case .fileNameNotUTF8: return Template("geef het bestand een nieuwe naam met gewone letters, cijfers en streepjes; zo'n naam komt vaak van een ander systeem of een zip-bestand", "rename the file with plain letters, digits and hyphens; such a name often comes from another system or a zip file")
        case .specialFileInPublic: return Template("in de map Public staan alleen mappen en gewone bestanden; haal dit weg", "the public folder holds only folders and plain files; remove it")

        case .noFrontMatter: return Template("begin het bestand met een regel ---, dan de gegevens (sleutel: waarde), dan weer een regel ---", "start the file with a line ---, then the keys (key: value), then another line ---")
        case .frontMatterEndsInText, .frontMatterEndsEarly: return Template("een regel met alleen --- sluit de front matter af, ook midden in een tekst; spring de tekstregel in of gebruik een ander teken", "a line with only --- closes the front matter, even in the middle of a text; indent the text line or use another character")
        case .frontMatterNotClosed: return Template("zet na de laatste regel met gegevens een regel met alleen ---", "add a line with only --- after the last front matter line")
        case .yamlAlias: return Template("schrijf de waarde voluit waar die nodig is", "write the value out in full where it is needed")
        case .yamlTooManyValues: return Template("deze grens beschermt de bouw van de site; verdeel de gegevens over meer bestanden", "this limit protects the build; split the data over several files")
        case .duplicateKey: return Template("elke sleutel mag één keer voorkomen; haal de tweede weg of geef die een andere naam", "each key may appear once; remove or rename the second one")
        case .frontMatterEmpty: return Template("zet de verplichte sleutels erin: {1}", "add the required keys: {1}")
        case .notAList: return Template("schrijf een lijst als [a, b] of als regels die beginnen met \"- \"", "write a list as [a, b] or as lines starting with \"- \"")
        case .missingKey: return Template("voeg {1}: … toe ({2})", "add {1}: … ({2})")
        case .keyWithoutValue: return Template("vul in: {2}", "fill in {2}")
        case .dateNotISO: return Template("schrijf datums als JJJJ-MM-DD, dus {2}", "write dates as YYYY-MM-DD, so {2}")
        case .dateDoesNotExist: return Template("kijk de dag en de maand na; schrijf datums als JJJJ-MM-DD, bijvoorbeeld 2024-05-29", "check the day and the month; write dates as YYYY-MM-DD, for example 2024-05-29")
        case .notADate: return Template("schrijf datums als JJJJ-MM-DD, bijvoorbeeld 2024-05-29", "write dates as YYYY-MM-DD, for example 2024-05-29")
        case .numberOutOfRange: return Template("deze grens beschermt de bouw van de site; kies een getal {2}", "this limit protects the build; choose a number {2}")
        case .notANumber: return Template("schrijf een heel getal {3}, zonder aanhalingstekens", "write a whole number {3}, without quotes")
        case .invalidSlug: return Template("een naam is de bestandsnaam zonder .md: kleine letters, cijfers en streepjes, bijvoorbeeld \"{3}\"", "a slug is the file name without .md: lowercase letters, digits and hyphens, e.g. \"{3}\"")
        case .baseURLOption: return Template("bijvoorbeeld --base-url https://regioportaal.example.nl/portaal/", "for example --base-url https://regioportaal.example.nl/portaal/")
        case .placeholderBaseURL: return Template("zet bij base_url het echte adres van de site, of geef het mee met --base-url https://…; anders wijzen de links in de sitemap en de feeds naar een adres dat niet bestaat", "set base_url to the site's real address, or pass --base-url https://…; otherwise the links in the sitemap and the feeds point to an address that does not exist")
        case .incompleteSite: return Template("is die map door iets anders verwijderd of veranderd? Bouw opnieuw", "was that folder removed or changed by something else? Build again")
        case .baseURLSetting: return Template("bijvoorbeeld base_url: https://regioportaal.example.nl/portaal/", "for example base_url: https://regioportaal.example.nl/portaal/")

        case .duplicateSlug: return Template("geef een van de bestanden een andere naam; gemeenten en partners mogen ook niet dezelfde naam hebben", "rename one of the files; gemeenten and partners may not share a name either")
        case .reservedSlug: return Template("kies een andere bestandsnaam", "choose another file name")
        case .listedTwice: return Template("haal de tweede weg", "remove the second entry")
        case .noProvenance: return Template("zet in de front matter bron: <document uit Content/bronnen/>, of voorbeeld: true als de gegevens verzonnen zijn, of redactie: true als het de eigen tekst of lezing van de redactie is", "add bron: <document from Content/bronnen/> to the front matter, or voorbeeld: true for invented data, or redactie: true for the editors' own text or reading")
        case .twoProvenances: return Template("kies er één: bron (het rust op een document), voorbeeld: true (verzonnen) of redactie: true (de lezing van de redactie)", "choose one: bron (it rests on a document), voorbeeld: true (invented) or redactie: true (the editors' reading)")
        case .relationWithoutProvenance: return Template("geef een bron, of voorbeeld: true, of redactie: true; bijvoorbeeld {2}", "give a bron, or voorbeeld: true, or redactie: true; for example {2}")
        case .dependencyCycle: return Template("een opgave kan niet van zichzelf afhangen, ook niet via andere; haal een van deze afhankelijk_van-regels weg", "an opgave cannot depend on itself, directly or through others; remove one of these afhankelijk_van links")
        case .endNotAfterStart: return Template("de einddatum moet na de begindatum liggen", "the end date must come after the start date")
        case .endBeforeStart: return Template("draai de datums om, of verbeter het jaar", "swap the dates, or correct the year")
        case .expiryNotAfterPublish: return Template("dan zou het bericht nooit te zien zijn", "the update would never be shown")
        case .imageWithoutAlt: return Template("beschrijf de afbeelding tussen de haken: ![Kaart van de Drechtsteden]({1})", "describe the image between the brackets: ![Kaart van de Drechtsteden]({1})")
        case .variantWithoutStart: return Template("zet vanaf: JJJJ-MM-DD erbij: wanneer deze variant begon", "add vanaf: YYYY-MM-DD to say when this variant began")
        case .variantsOutOfOrder: return Template("zet de varianten van oud naar nieuw", "list the variants from oldest to newest")
        case .variantOverlap: return Template("een deelnemer heeft één variant tegelijk; laat de vorige eindigen op of voor {2}", "a participant has one variant at a time; end the previous period on or before {2}")
        case .stepBackwards: return Template("de volgorde is {3}", "the order is {3}")
        case .stepDatedBefore: return Template("stappen komen na elkaar; kijk de datums na", "steps are reached in order; check the dates")
        case .noFullParticipant: return Template("een coalitie wordt gedragen door partijen die volledig meedoen; kijk de varianten na", "a coalition is carried by parties that take part fully; check the variants")
        case .headingLevelOne: return Template("de titel van de pagina is de enige kop van niveau 1; begin hoofdstukken met ##", "the page title is the only level-1 heading; start sections at ##")
        case .headingJump: return Template("gebruik hier {3}; koppen gaan één niveau tegelijk omlaag", "use {3} here; headings go down one level at a time")
        case .missingOwnAnchor: return Template("een anker is de naam van een kop op deze pagina, in kleine letters met streepjes: ## Plan van aanpak → #plan-van-aanpak", "an anchor is the name of a heading on this page, in lowercase with hyphens: ## Plan van aanpak → #plan-van-aanpak")
        case .linkWithoutDestination: return Template("schrijf het adres tussen de ronde haken", "write the address between the parentheses")
        case .unsafeLink: return Template("alleen webadressen en pagina's van het portaal mogen gelinkt worden", "only web addresses and portal pages may be linked")
        case .imageNotAbsolute: return Template("zet afbeeldingen in de map Public/img/ en schrijf het adres met een / ervoor: /img/{2}", "put images in the folder Public/img/ and write the address with a / in front: /img/{2}")
        case .relativeLink: return Template("link naar pagina's van het portaal met hun volledige pad, bijvoorbeeld /themas/wonen/", "link to portal pages by their full site path, e.g. /themas/wonen/")
        case .linkLeavesFolder: return Template("link naar pagina's van het portaal met hun pad op de site", "link to portal pages by their site path")
        case .missingAnchor: return Template("het anker moet de naam van een kop op die pagina zijn", "the anchor must match a heading of that page")
        case .linkWithoutSlash: return Template("schrijf {2}", "write {2}")
        case .brokenLink: return Template("kijk het pad na; pagina's van het portaal zien eruit als /themas/wonen/", "check the path; portal pages look like /themas/wonen/")
        case .missingImage: return Template("zet de afbeelding in de map Public/img/ en schrijf het adres als /img/naam.jpg", "put the image in the folder Public/img/ and write the address as /img/naam.jpg")
        case .outputLinkOutsideSite, .outputBrokenLink, .outputMissingAnchor: return Template("verbeter de link in de template, of de pagina waar die naar wijst", "fix the link in the template, or the page it points to")

        case .templatesFolderMissing: return Template("start de opdracht in de projectmap, of geef de map met --templates MAP", "run the command in the project folder, or pass --templates DIR")
        case .templateNotAFile: return Template("templates zijn gewone .mustache-bestanden; zet hier het bestand zelf", "templates are plain .mustache files; replace it by the file itself")
        case .templateSyntax: return Template("kijk na of elke {{#sectie}} een bijpassende {{/sectie}} heeft en elke tag sluit met }}", "check that every {{#section}} has a matching {{/section}} and tags are closed with }}")
        case .missingPartial: return Template("templates heten naar hun pad in Templates/, zonder .mustache", "templates are named by their path in Templates/ without .mustache")
        case .unknownFunction: return Template("de functies die templates mogen gebruiken staan in Templates/README.md", "the functions templates may use are listed in Templates/README.md")
        case .templateIncludesItself: return Template("een partial of parent mag zichzelf niet invoegen, ook niet via een andere: dat gaat eindeloos door; haal deze tag weg of verwijs naar een andere template", "a partial or parent may not include itself, not even through another: that never ends; remove this tag or refer to another template")
        case .templateMissing: return Template("elke soort pagina heeft zijn template nodig; zet die terug uit de repository", "every page kind needs its template; restore it from the repository")
        case .templatesTooDeep: return Template("voegt een blok ({{$naam}}) zichzelf in? Een blok of partial mag zichzelf niet bevatten", "does a block ({{$name}}) include itself? A block or partial may not contain itself")
        case .nameNotInData: return Template("vergelijk de spelling met de namen in Templates/README.md; hoofdletters tellen mee", "check the spelling against the names in Templates/README.md; names are case-sensitive")

        case .refuseMapOutput: return Template("geef --output een eigen bestand buiten Content/, Templates/ en Public/, bijvoorbeeld kaart.svg", "give --output a file of its own outside Content/, Templates/ and Public/, for example kaart.svg")
        case .refuseSchemaOutput: return Template("geef --output een eigen map buiten Content/, Templates/ en Public/, bijvoorbeeld schemas", "give --output a folder of its own outside Content/, Templates/ and Public/, for example schemas")
        case .contentFolderRefused: return Template("geef met --content de map waarin site.yml staat (bijvoorbeeld Content), of start regioportaal in de projectmap", "pass --content the folder that holds site.yml (for example Content), or run regioportaal in the project folder")
        case .cannotMakeParent, .cannotMakeLock: return Template("geef met --output een map op een plek waar u mag schrijven", "pass --output a folder in a place you may write to")
        case .outputBusy: return Template("wacht tot die build klaar is, of stop die preview (Ctrl-C); twee tegelijk zouden een halve site publiceren. De preview (serve) schrijft standaard naar _preview, build naar _site", "wait until that build is done, or stop that preview (Ctrl-C); two at once would publish half a site. The preview (serve) writes to _preview by default, build to _site")

        case .portInUse: return Template("geef met --port een ander nummer, of stop de andere preview (Ctrl-C)", "pass --port with another number, or stop the other preview (Ctrl-C)")
        case .nowNotADate: return Template("bijvoorbeeld --now 2026-11-22", "for example --now 2026-11-22")
        case .unknownLanguage: return Template("kies nl (Nederlands, de standaard) of en (Engels, voor ontwikkelaars)", "choose nl (Dutch, the default) or en (English, for developers)")
        case .titleInvisibleCharacter: return Template("typ de titel op één regel, zonder tab of ander stuurteken", "type the title on one line, without a tab or other control character")
        case .titleTooLong: return Template("een titel is kort; zet de rest in de samenvatting of de tekst", "a title is short; put the rest in the summary or the text")
        case .titleWithoutName: return Template("gebruik letters of cijfers in de titel", "use letters or digits in the title")
        case .fileExists: return Template("kies een andere titel, of open het bestaande bestand", "choose another title, or open the existing file")
        case .duplicateNodeID: return Template("elk id moet uniek zijn", "every id must be unique")
        case .unknownNode: return Template("een id moet een knooppunt uit dit bestand noemen", "ids must name a node of this file")
        case .summaryOmitted: return Template("los eerst de meldingen hierboven op; daarna toont de controle de volgende", "fix the messages above first; the check then shows the next ones")
        default: return nil
        }
    }

    /// The message in both languages, with its default hint, filled with `arguments`.
    public func callAsFunction(_ arguments: any MessageArgument..., hint: Text? = nil) -> Message {
        message(arguments, hint: hint)
    }

    public func message(_ arguments: [any MessageArgument], hint: Text? = nil) -> Message {
        Message(code: self, text: template.fill(arguments), hint: hint ?? defaultHint?.fill(arguments))
    }

    /// Both texts and hints as written in the catalogue, for the catalogue's tests.
    package var catalogueTexts: (message: (nl: String, en: String), hint: (nl: String, en: String)?) {
        (message: (template.nl, template.en), hint: defaultHint.map { ($0.nl, $0.en) })
    }
}

/// A message from the catalogue, filled in: its code, its text and hint in both languages.
public struct Message: Sendable, Hashable, Codable {
    public let code: MessageCode
    public let text: Text
    public let hint: Text?
}

/// Hints that replace a message's default hint when the place that reports it knows better
/// (a likely intended name, the valid values).
public enum Hint: String, Sendable, CaseIterable {
    case didYouMean, didYouMeanAnchor, knownFolders, knownNames, allowedKeys, allowedValues, useMdOrYml, useMd
    case meantYear, checkYear, booleanTrue, booleanFalse, booleanLowercase, booleanPlain
    case partlyUpdated, previousKept, giveDate, didYouMeanYear
    case similarImages, fileEmpty, yamlTabs, yamlQuoteColon, yamlIndent, yamlSyntax

    var template: Template {
        switch self {
        case .didYouMean: return Template("bedoelt u \"{1}\"?", "did you mean \"{1}\"?")
        case .didYouMeanAnchor: return Template("bedoelt u \"#{1}\"?", "did you mean \"#{1}\"?")
        case .knownFolders: return Template("mappen die er mogen staan: {1}", "known folders: {1}")
        case .knownNames: return Template("bestaande namen: {1}", "known: {1}")
        case .allowedKeys: return Template("sleutels die hier mogen: {1}", "allowed keys: {1}")
        case .allowedValues: return Template("{1}mogelijke waarden: {2}", "{1}allowed values: {2}")
        case .useMdOrYml: return Template("gebruik een .md- of .yml-bestand", "use a .md or .yml file")
        case .useMd: return Template("gebruik een .md-bestand met front matter", "use a .md file with front matter")
        case .meantYear: return Template("Bedoelt u {1}? Schrijf dan {2}.", "Did you mean {1}? Then write {2}.")
        case .checkYear: return Template("controleer het jaar; datums schrijft u als JJJJ-MM-DD, bijvoorbeeld 2024-05-29", "check the year; write dates as YYYY-MM-DD, for example 2024-05-29")
        case .booleanTrue: return Template("schrijf true of false; voor \"{1}\" schrijft u true", "write true or false; for \"{1}\" write true")
        case .booleanFalse: return Template("schrijf true of false; voor \"{1}\" schrijft u false", "write true or false; for \"{1}\" write false")
        case .booleanLowercase: return Template("schrijf true of false met kleine letters en zonder aanhalingstekens", "write true or false in lowercase and without quotes")
        case .booleanPlain: return Template("schrijf true of false: true voor ja, false voor nee", "write true or false: true for yes, false for no")
        case .partlyUpdated: return Template("de site is misschien maar voor een deel bijgewerkt; de volgende build schrijft hem helemaal", "the site may be only partly updated; the next build writes all of it")
        case .previousKept: return Template("de vorige site is ongewijzigd gebleven", "the previous site is unchanged")
        case .giveDate: return Template("geef de datum als JJJJ-MM-DD", "give the date as YYYY-MM-DD")
        case .didYouMeanYear: return Template("bedoelt u {1}?", "did you mean {1}?")
        case .similarImages: return Template("zet de afbeelding in de map Public/img/ en schrijf het adres als /img/naam.jpg; bestanden die er wel zijn en erop lijken: {1}", "put the image in the folder Public/img/ and write the address as /img/naam.jpg; files that are there and look like it: {1}")
        case .fileEmpty: return Template("het bestand is leeg; begin het met front matter tussen twee regels ---", "the file is empty; start it with front matter between two --- lines")
        case .yamlTabs: return Template("spring in met spaties, niet met tabs", "indent with spaces, not tabs")
        case .yamlQuoteColon: return Template("zet een waarde met \": \" erin tussen aanhalingstekens, bijvoorbeeld titel: \"Wonen: de opgave\"", "a value containing \": \" must be quoted, e.g. titel: \"Wonen: de opgave\"")
        case .yamlIndent: return Template("kijk na of deze regel even ver inspringt als de regels erboven", "check the indentation of this line against the lines above it")
        case .yamlSyntax: return Template("kijk de opbouw rond deze plek na (inspringen, aanhalingstekens, dubbele punten)", "check the YAML syntax near this position (indentation, quotes, colons)")
        }
    }

    public func callAsFunction(_ arguments: any MessageArgument...) -> Text { template.fill(arguments) }

    package var catalogueTexts: (nl: String, en: String) { (template.nl, template.en) }
}

/// Words and short texts that are filled into messages or that the command line prints.
public enum Phrase: String, Sendable, CaseIterable {
    case image, link, singleValue, list, mapping, nothing
    case text, date, wholeNumber, trueOrFalse, webAddress, slugOf, oneOf, orMapping, orListOfThem
    case yamlColon, yamlBadStart, yamlExpectedKey, yamlTab, yamlMissingColon, yamlEnd, yamlExpectedDash
    case baseNotHTTPS, baseUser, baseQuery, baseAnchor
    case tafelMember, dependency, participant, relTafel, relDeelname, relDependency, relDate
    case tplWrongClose, tplNotFinished, tplNeverOpened, tplDynamicPartial, tplDynamicParent, tplFunctionOnBlock
    case tplPragma, tplOnlyBlocks, tplNotClosed, tplComment, tplDelimiter
    case contentMissing, contentLink, contentNotFolder, contentNoSite
    case fromTo, yearsTo, itIs, tooLarge, namedPipe, socket, device, notRegular, refusalSpecial, refusalLink, refusalFolder, refusalMissing, refusalRegular
    case or, and, message, messages
    case partij, partial, parentTemplate, process
    // The command line's and the preview's summaries.
    case error1, errorN, warning1, warningN, summary, buildDone, buildFailed, checkSummary, serving
    case overlayTitle, overlaySummary, overlayHint, overlayHide, overlayCode, notFoundTitle, notFoundText
    case draftTitle, draftText, futureTitle, futureText, expiredTitle, expiredText
    // Why a folder or file is not written (the write guards).
    case wLink, wLinkHint, wAnotherFolder, wContent, wTemplates, wPublic, wProject, wContains, wLiesIn, wNotFolder, wGit, wGitHint, wForeignFolder, wMoveAway, wOlder, wOlderHint, wBroken, wBrokenHint, wChanged, wChangedHint, wForeign, wForeignHint, wInput, wIsFolder, wNotMap, wNotSchema, kFile, kLink, kFolder, kMissing
    // System errors in words.
    case sysDiskFull, sysQuota, sysNoRights, sysReadOnly, sysNameTooLong, sysNoFolder, sysNotDir, sysExists, sysBusy, sysOtherDisk, sysIO, sysLoop
    // The build's progress at a terminal.
    case stepReading, stepParsing, stepRendering, stepWriting, stepUpdating
    case previewBuilt, previewRebuilt, renderedAgain, afterChange, afterChanges, previewFailed, firstError, stillServing

    var template: Template {
        switch self {
        case .image: return Template("afbeelding", "image")
        case .link: return Template("link", "link")
        case .singleValue: return Template("één waarde", "a single value")
        case .list: return Template("een lijst", "a list")
        case .mapping: return Template("sleutels met waarden (sleutel: waarde)", "a mapping (key: value)")
        case .nothing: return Template("niets", "nothing")
        case .text: return Template("een tekst", "a text")
        case .date: return Template("een datum (JJJJ-MM-DD)", "a date (YYYY-MM-DD)")
        case .wholeNumber: return Template("een heel getal", "a whole number")
        case .trueOrFalse: return Template("true of false", "true or false")
        case .webAddress: return Template("een webadres", "a web address")
        case .slugOf: return Template("de naam van een {1}", "a {1} slug")
        case .oneOf: return Template("een van {1}", "one of {1}")
        case .orMapping: return Template("{1} of sleutels met waarden", "{1} or a mapping")
        case .orListOfThem: return Template("{1}, of een lijst daarvan", "{1}, or a list of them")
        case .yamlColon: return Template("hier staat een dubbele punt die niet verwacht werd", "mapping values are not allowed in this context")
        case .yamlBadStart: return Template("een waarde begint met een teken dat daar niet mag", "found character that cannot start any token")
        case .yamlExpectedKey: return Template("hier werd een sleutel verwacht", "did not find expected key")
        case .yamlTab: return Template("hier staat een tab waar spaties horen", "found a tab character that violates indentation")
        case .yamlMissingColon: return Template("na de sleutel ontbreekt de dubbele punt", "could not find expected ':'")
        case .yamlEnd: return Template("de gegevens houden onverwacht op (is een aanhalingsteken niet gesloten?)", "found unexpected end of stream")
        case .yamlExpectedDash: return Template("hier werd een regel van de lijst (- …) verwacht", "did not find expected '-' indicator")
        case .baseNotHTTPS: return Template("moet een webadres zijn dat begint met https://", "must be a web address starting with https://")
        case .baseUser: return Template("mag geen gebruikersnaam of wachtwoord bevatten (user:pw@)", "may not contain a user name or password (user:pw@)")
        case .baseQuery: return Template("mag geen ?zoekvraag bevatten", "may not contain a ?query")
        case .baseAnchor: return Template("mag geen #anker bevatten", "may not contain an #anchor")
        case .tafelMember: return Template("tafellid", "tafel member")
        case .dependency: return Template("afhankelijkheid", "dependency")
        case .participant: return Template("deelnemer", "participant")
        case .relTafel: return Template("de samenstelling van deze tafel", "the composition of this tafel")
        case .relDeelname: return Template("de deelname van deze partij", "the participation of this partij")
        case .relDependency: return Template("deze afhankelijkheid", "this dependency")
        case .relDate: return Template("de datum {1}", "the date {1}")
        case .tplWrongClose: return Template("een sectie wordt met de verkeerde naam gesloten", "a section is closed with the wrong name")
        case .tplNotFinished: return Template("een tag is niet afgemaakt", "a tag is not finished")
        case .tplNeverOpened: return Template("sluit een sectie die nooit geopend is", "closes a section that was never opened")
        case .tplDynamicPartial: return Template("partials met een wisselende naam ({{>*naam}}) kent de engine niet", "dynamic partial names ({{>*name}}) are not supported")
        case .tplDynamicParent: return Template("parents met een wisselende naam ({{<*naam}}) kent de engine niet", "dynamic parent names ({{<*name}}) are not supported")
        case .tplFunctionOnBlock: return Template("een functie kan niet op een blok van een parent werken", "a function cannot be applied to an inheritance block")
        case .tplPragma: return Template("pragma's ({{%…}}) kent de engine niet", "pragmas ({{%…}}) are not supported")
        case .tplOnlyBlocks: return Template("binnen {{<parent}} mogen alleen {{$blok}}-secties staan", "only {{$block}} sections may stand inside {{<parent}}")
        case .tplNotClosed: return Template("een sectie wordt niet gesloten:", "a section is not closed:")
        case .tplComment: return Template("commentaar wordt niet gesloten met", "a comment is not closed with")
        case .tplDelimiter: return Template("ongeldige tag om de scheidingstekens te wisselen: schrijf {{=<% %>=}}", "invalid set-delimiter tag: write {{=<% %>=}}")
        case .contentMissing: return Template("de inhoudsmap {1} bestaat niet", "content folder {1} does not exist")
        case .contentLink: return Template("de inhoudsmap {1} is een symbolische koppeling", "content folder {1} is a symbolic link")
        case .contentNotFolder: return Template("{1} is geen map", "{1} is not a folder")
        case .contentNoSite: return Template("{1} is geen inhoudsmap: er staat geen site.yml in", "{1} is not a content folder: it has no site.yml")
        case .fromTo: return Template("van {1} tot en met {2}", "from {1} to {2}")
        case .yearsTo: return Template("{1} tot en met {2}", "{1} to {2}")
        case .itIs: return Template("het is {1}", "it is {1}")
        case .tooLarge: return Template("het is te groot", "it is too large")
        case .namedPipe: return Template("een named pipe", "a named pipe")
        case .socket: return Template("een socket", "a socket")
        case .device: return Template("een apparaatbestand", "a device")
        case .notRegular: return Template("geen gewoon bestand", "not a regular file")
        case .refusalSpecial: return Template("{1}, geen gewoon bestand: het wordt niet gelezen", "{1}, not a regular file: it is not read")
        case .refusalLink: return Template("een symbolische koppeling: koppelingen worden niet gevolgd", "a symbolic link: links are not followed")
        case .refusalFolder: return Template("een map, geen bestand", "a folder, not a file")
        case .refusalMissing: return Template("er niet", "missing")
        case .refusalRegular: return Template("een gewoon bestand", "a regular file")
        case .or: return Template(" of ", " or ")
        case .and: return Template(" en ", " and ")
        case .message: return Template("melding", "message")
        case .messages: return Template("meldingen", "messages")
        case .partij: return Template("partij (gemeente of partner)", "partij (gemeente or partner)")
        case .partial: return Template("de partial", "partial")
        case .parentTemplate: return Template("de parent-template", "parent template")
        case .process: return Template(" (proces {1})", " (process {1})")
        case .error1: return Template("fout", "error")
        case .errorN: return Template("fouten", "errors")
        case .warning1: return Template("waarschuwing", "warning")
        case .warningN: return Template("waarschuwingen", "warnings")
        case .summary: return Template("{1} {2}, {3} {4}", "{1} {2}, {3} {4}")
        case .buildDone: return Template("{1} pagina's ({2} bestanden) gebouwd in {3} in {4} ms, zoekindex {5} KiB ({6} bytes per pagina), {7}", "built {1} pages ({2} files) into {3} in {4} ms, search index {5} KiB ({6} bytes per page), {7}")
        case .buildFailed: return Template("bouwen mislukt: {1}; {2} is niet veranderd", "build failed: {1}; {2} was left unchanged")
        case .checkSummary: return Template("controle: {1}", "check: {1}")
        case .serving: return Template("de preview staat op {1} (stoppen met Ctrl-C)", "serving {1} (Ctrl-C to stop)")
        case .overlayTitle: return Template("De site kon niet worden gebouwd", "The site could not be built")
        case .overlaySummary: return Template("U ziet de laatste versie die zonder fouten gebouwd is. Verbeter het probleem en sla het bestand op: deze pagina laadt dan vanzelf opnieuw.", "You are looking at the last version that was built without errors. Fix the problem and save the file: this page reloads by itself.")
        case .overlayHint: return Template("Tip", "Hint")
        case .overlayHide: return Template("Verbergen (Esc)", "Hide (Esc)")
        case .overlayCode: return Template("Code voor de beheerder:", "Code:")
        case .notFoundTitle: return Template("Pagina niet gevonden", "Page not found")
        case .notFoundText: return Template("Deze pagina staat niet in de site die gebouwd is.", "This page is not in the site that was built.")
        // The preview's note on a page that exists but is not published (HTML: `{1}` is markup).
        case .draftTitle: return Template("Deze pagina bestaat, maar is een concept", "This page exists, but it is a draft")
        case .draftText: return Template("In {1} staat <code>draft: true</code>. Een concept staat niet op de site. De voorbeeldweergave toont concepten wel, maar deze is gestart met <code>--no-drafts</code>. Start hem opnieuw met <code>regioportaal serve</code> om het concept te zien. Is het bericht klaar? Haal dan de regel <code>draft: true</code> weg.", "{1} has <code>draft: true</code>. A draft is not on the site. The preview shows drafts, but this one was started with <code>--no-drafts</code>. Start it again with <code>regioportaal serve</code> to see the draft. Is the update ready? Then remove the line <code>draft: true</code>.")
        case .futureTitle: return Template("Deze pagina bestaat, maar verschijnt pas op {1}", "This page exists, but appears only on {1}")
        case .futureText: return Template("In {1} staat <code>publishDate: {2}</code>. Het bericht komt pas op de site bij de eerste bouw op of na die datum. Wilt u het nu al zien? Start de voorbeeldweergave dan met <code>regioportaal serve --now {2}</code>. Of haal de regel <code>publishDate</code> weg als het bericht meteen online mag.", "{1} has <code>publishDate: {2}</code>. The update appears on the site with the first build on or after that day. To see it now, start the preview with <code>regioportaal serve --now {2}</code>, or remove the line <code>publishDate</code> if it may go online at once.")
        case .expiredTitle: return Template("Deze pagina bestaat, maar staat sinds {1} niet meer op de site", "This page exists, but has not been on the site since {1}")
        case .expiredText: return Template("In {1} staat <code>expiryDate: {2}</code>. Vanaf die datum toont de site het bericht niet meer. Wilt u het toch zien? Start de voorbeeldweergave dan met <code>regioportaal serve --now {3}</code>. Of haal de regel <code>expiryDate</code> weg als het bericht weer online mag.", "{1} has <code>expiryDate: {2}</code>. From that day the site no longer shows the update. To see it anyway, start the preview with <code>regioportaal serve --now {3}</code>, or remove the line <code>expiryDate</code> if it may go online again.")
        case .wLink: return Template("het is een symbolische koppeling", "it is a symbolic link")
        case .wLinkHint: return Template("geef de map waar de koppeling naar wijst, of verwijder de koppeling; een build volgt koppelingen nooit", "pass the folder the link points to, or remove the link; a build never follows links")
        case .wAnotherFolder: return Template("geef --output een eigen map, bijvoorbeeld _site", "pass --output a folder of its own, for example _site")
        case .wContent: return Template("de inhoudsmap", "the content folder")
        case .wTemplates: return Template("de map met sjablonen", "the templates folder")
        case .wPublic: return Template("de map Public", "the Public folder")
        case .wProject: return Template("de projectmap", "the project folder")
        case .wContains: return Template("het bevat {1} ({2})", "it contains {1} ({2})")
        case .wLiesIn: return Template("het ligt in {1}", "it lies in {1}")
        case .wNotFolder: return Template("het is {1}, geen map", "it is {1}, not a folder")
        case .wGit: return Template("het is een git-werkmap (er staat .git in); een build vervangt die nooit", "it is a git working copy (it holds .git); a build never replaces one")
        case .wGitHint: return Template("bouw in een eigen map, bijvoorbeeld _site, en kopieer het resultaat daarna naar de werkmap", "build into a folder of its own, for example _site, and copy the result into the working copy afterwards")
        case .wForeignFolder: return Template("de map bestaat al en is niet door regioportaal gemaakt (er staat geen {1} in)", "the folder exists and was not made by regioportaal (it has no {1})")
        case .wMoveAway: return Template("een build vervangt zijn uitvoermap; verplaats wat er in staat, of geef --output een eigen map, bijvoorbeeld _site", "a build replaces its output folder; move what is in it, or pass --output a folder of its own, for example _site")
        case .wOlder: return Template("de map is gemaakt door een oudere versie van regioportaal, die niet bijhield welke bestanden van hem zijn", "the folder was made by an older version of regioportaal, which did not record which files are its own")
        case .wOlderHint: return Template("verwijder de map als er niets anders in staat, en bouw opnieuw", "remove the folder if nothing else is in it, and build again")
        case .wBroken: return Template("het bestand {1} in de map is beschadigd", "the file {1} in the folder is damaged")
        case .wBrokenHint: return Template("verwijder de map en bouw opnieuw", "remove the folder and build again")
        case .wChanged: return Template("{1} is veranderd na de vorige build", "{1} was changed after the previous build")
        case .wChangedHint: return Template("een build schrijft alleen over wat hij zelf schreef; verplaats {1}, of maak de wijziging in Content/, Templates/ of Public/", "a build only overwrites what it wrote itself; move {1}, or make the change in Content/, Templates/ or Public/")
        case .wForeign: return Template("{1} is niet door een eerdere build geschreven", "{1} was not written by an earlier build")
        case .wForeignHint: return Template("een build laat niets achter dat niet van hem is; zet bestanden die mee moeten naar de site (zoals CNAME of .htaccess) in Public/, of verplaats {1}", "a build leaves nothing behind that is not its own; put files the site needs (such as CNAME or .htaccess) in Public/, or move {1}")
        case .wInput: return Template("het is het invoerbestand", "it is the input file")
        case .wIsFolder: return Template("het is een map", "it is a folder")
        case .wNotMap: return Template("het bestand bestaat al en is geen kaart van regioportaal map", "the file exists and is not a map made by regioportaal map")
        case .wNotSchema: return Template("{1} is geen schema; in die map staan alleen schema's van regioportaal", "{1} is not a schema; that folder holds only schemas of regioportaal")
        case .kFile: return Template("een bestand", "a file")
        case .kLink: return Template("een symbolische koppeling", "a symbolic link")
        case .kFolder: return Template("een map", "a folder")
        case .kMissing: return Template("er niet", "not there")
        case .sysDiskFull: return Template("de schijf is vol", "the disk is full")
        case .sysQuota: return Template("uw schijfruimte (quotum) is op", "your disk quota is used up")
        case .sysNoRights: return Template("u hebt geen rechten om daar te schrijven", "you have no permission to write there")
        case .sysReadOnly: return Template("die schijf is alleen-lezen", "that disk is read-only")
        case .sysNameTooLong: return Template("de naam is te lang voor het bestandssysteem", "the name is too long for the file system")
        case .sysNoFolder: return Template("de map bestaat niet (meer)", "the folder does not exist (any more)")
        case .sysNotDir: return Template("een deel van het pad is een bestand, geen map", "part of the path is a file, not a folder")
        case .sysExists: return Template("er staat al iets met die naam", "something with that name is there already")
        case .sysBusy: return Template("de map is in gebruik (bijvoorbeeld een koppelpunt)", "the folder is in use (a mount point, for example)")
        case .sysOtherDisk: return Template("de map ligt op een andere schijf", "the folder is on another disk")
        case .sysIO: return Template("de schijf gaf een leesfout of schrijffout", "the disk gave a read or write error")
        case .sysLoop: return Template("het pad is een symbolische koppeling", "the path is a symbolic link")
        case .stepReading: return Template("{1} lezen", "reading {1}")
        case .stepParsing: return Template("{1} bestanden verwerken", "parsing {1} files")
        case .stepRendering: return Template("pagina's maken", "rendering")
        case .stepWriting: return Template("nog {1} bestanden schrijven", "writing {1} more files")
        case .stepUpdating: return Template("{1} bijwerken", "updating {1}")
        case .previewBuilt: return Template("{1} pagina's gebouwd in {2} ms{3}{4}, {5}", "built {1} pages in {2} ms{3}{4}, {5}")
        case .previewRebuilt: return Template("{1} pagina's opnieuw gebouwd in {2} ms{3}{4}, {5}", "rebuilt {1} pages in {2} ms{3}{4}, {5}")
        case .renderedAgain: return Template(" ({1} opnieuw gemaakt)", " ({1} rendered again)")
        case .afterChange: return Template(" na een wijziging in {1}", " after a change to {1}")
        case .afterChanges: return Template(" na {1} wijzigingen ({2}, …)", " after {1} changes ({2}, …)")
        case .previewFailed: return Template("bouwen mislukt{1}: {2}", "build failed{1}: {2}")
        case .firstError: return Template("; eerste: {1}", "; first: {1}")
        case .stillServing: return Template(" (de preview toont de laatste goede versie; details in de browser)", " (still serving the last good site; details in the browser)")
        }
    }

    public func callAsFunction(_ arguments: any MessageArgument...) -> Text { template.fill(arguments) }

    package var catalogueTexts: (nl: String, en: String) { (template.nl, template.en) }
}

extension Phrase {
    /// `one` for 1, else `many`.
    public static func plural(_ n: Int, _ one: Phrase, _ many: Phrase) -> Text { (n == 1 ? one : many)() }

    /// "2 fouten, 1 waarschuwing".
    public static func count(errors: Int, warnings: Int) -> Text {
        summary(errors, plural(errors, .error1, .errorN), warnings, plural(warnings, .warning1, .warningN))
    }
}
