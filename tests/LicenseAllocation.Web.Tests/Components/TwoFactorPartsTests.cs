using Bunit;
using LicenseAllocation.Testing;
using LicenseAllocation.Web.Components.Account;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>The parts of the two-factor page: the key with its QR code, and the recovery codes.</summary>
public sealed class TwoFactorPartsTests : ComponentTestContext
{
    private const string Key = "jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp";
    private const string Uri = "otpauth://totp/Phan%20bo%20ban%20quyen:xem-cao-lanh?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Phan%20bo%20ban%20quyen&digits=6";

    [Fact]
    public void The_key_is_shown_in_groups_beside_a_qr_code_drawn_as_svg_in_vietnamese()
    {
        var cut = Render<AuthenticatorKey>(p => p.Add(c => c.SharedKey, Key).Add(c => c.AuthenticatorUri, Uri));

        cut.Find("[data-testid=authenticator-secret]").TextContent.ShouldBe(Key);
        cut.Find("[data-testid=authenticator-qr] svg").ShouldNotBeNull();
        cut.Find("[data-testid=authenticator-qr]").GetAttribute("aria-label").ShouldBe("Mã QR để thêm tài khoản vào ứng dụng xác thực");
        cut.Markup.ShouldContain("Quét mã QR bằng ứng dụng xác thực");
    }

    [Fact]
    public void Another_address_draws_another_qr_code()
    {
        AuthenticatorKey.Svg(Uri).ShouldNotBe(AuthenticatorKey.Svg(Uri.Replace("xem-cao-lanh", "can-bo-cao-lanh", StringComparison.Ordinal)));
        Totp.SecretOf(Uri).ShouldBe("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    }

    [Fact]
    public void The_recovery_codes_are_listed_each_once_with_the_advice_to_keep_them()
    {
        string[] codes = ["BCDFG-HJKMN", "PQRTV-WXY23", "45678-9BCDF"];

        var cut = Render<RecoveryCodeList>(p => p.Add(c => c.Codes, codes));

        cut.FindAll("[data-testid=recovery-code]").Select(e => e.TextContent).ShouldBe(codes);
        cut.Markup.ShouldContain("Các mã chỉ hiển thị lần này.");
    }
}
