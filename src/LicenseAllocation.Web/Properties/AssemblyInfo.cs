using System.Resources;

// The neutral resources are Vietnamese: vi-VN is served from the main assembly, English from its satellite.
[assembly: NeutralResourcesLanguage("vi")]
