using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace LicenseAllocation.Web.Components.Account;

/// <summary>
/// The QR code (an inline SVG drawn on the server, so no script and no image address) and the secret key, in groups
/// of four, that an authenticator app needs.
/// </summary>
public partial class AuthenticatorKey
{
    [Parameter, EditorRequired]
    public string SharedKey { get; set; } = string.Empty;

    [Parameter, EditorRequired]
    public string AuthenticatorUri { get; set; } = string.Empty;

    [Inject]
    private IStringLocalizer<Resources.Users> Loc { get; set; } = default!;

    private MarkupString QrSvg { get; set; }

    protected override void OnParametersSet() => QrSvg = new MarkupString(Svg(AuthenticatorUri));

    /// <summary>The QR code of <paramref name="text"/> as an SVG element, medium error correction.</summary>
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(5);
    }
}
