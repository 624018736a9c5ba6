using System.Resources;

// Resources/X.resx is Vietnamese, the language a reader gets unless they chose English (Resources/X.en.resx).
[assembly: NeutralResourcesLanguage("vi")]
