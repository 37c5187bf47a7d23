package geo

// demonyms are never places, even after a cue ("in Armenian territory").
// Keys, written for Flashpoint.
var demonyms = set(
	"afghan", "albanian", "algerian", "american", "andorran", "angolan", "argentine", "argentinian",
	"armenian", "australian", "austrian", "azerbaijani", "azeri", "bahraini", "bangladeshi", "belarusian",
	"belgian", "beninese", "bolivian", "bosnian", "brazilian", "british", "bulgarian", "burkinabe",
	"burmese", "burundian", "cambodian", "cameroonian", "canadian", "chadian", "chilean", "chinese",
	"colombian", "congolese", "croatian", "cuban", "cypriot", "czech", "danish", "dutch", "ecuadorian",
	"egyptian", "emirati", "eritrean", "estonian", "ethiopian", "european", "filipino", "finnish", "french",
	"gabonese", "gambian", "georgian", "german", "ghanaian", "greek", "guatemalan", "guinean", "guyanese",
	"haitian", "honduran", "hungarian", "icelandic", "indian", "indonesian", "iranian", "iraqi", "irish",
	"israeli", "italian", "ivorian", "jamaican", "japanese", "jordanian", "kazakh", "kenyan", "korean",
	"kosovar", "kuwaiti", "kyrgyz", "lao", "laotian", "latvian", "lebanese", "liberian", "libyan",
	"lithuanian", "macedonian", "malagasy", "malawian", "malaysian", "malian", "maltese", "mauritanian",
	"mexican", "moldovan", "mongolian", "montenegrin", "moroccan", "mozambican", "namibian", "nepalese",
	"nepali", "nigerian", "nigerien", "norwegian", "omani", "pakistani", "palestinian", "panamanian",
	"paraguayan", "peruvian", "polish", "portuguese", "qatari", "romanian", "russian", "rwandan", "saudi",
	"senegalese", "serbian", "sierra leonean", "singaporean", "slovak", "slovenian", "somali", "somalian",
	"south african", "south korean", "north korean", "south sudanese", "spanish", "sri lankan", "sudanese",
	"swedish", "swiss", "syrian", "taiwanese", "tajik", "tanzanian", "thai", "togolese", "tunisian",
	"turkish", "turkmen", "ugandan", "ukrainian", "uruguayan", "uzbek", "venezuelan", "vietnamese",
	"yemeni", "zambian", "zimbabwean", "kurdish", "kurd", "kurds", "arab", "arabs", "persian", "balochi",
	"baloch", "pashtun", "tamil", "uyghur", "uighur", "chechen", "crimean", "kashmiri", "sahrawi",
	"western", "eastern", "northern", "southern", "african", "asian", "latin", "nordic", "baltic",
	"caucasian", "balkan", "arabian", "gulf", "soviet", "ottoman", "jewish", "muslim", "christian",
	"sunni", "shia", "shiite", "hindu", "buddhist", "catholic", "orthodox", "houthi", "houthis",
)
