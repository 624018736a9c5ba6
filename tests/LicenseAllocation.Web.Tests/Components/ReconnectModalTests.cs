using Bunit;
using LicenseAllocation.Web.Components.Layout;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>
/// The reconnection dialog is the one blazor.web.js looks for (its ids), speaks the reader's language, and brings its
/// script as a module from the portal itself (the content security policy admits no inline script).
/// </summary>
public sealed class ReconnectModalTests : ComponentTestContext
{
    [Fact]
    public void The_dialog_says_it_is_reconnecting_and_offers_to_try_again_in_vietnamese()
    {
        UseCulture("vi-VN");
        var dialog = Render<ReconnectModal>();

        dialog.Find("dialog#components-reconnect-modal").TextContent.ShouldContain("Đang kết nối lại…");
        dialog.Find("#components-reconnect-button").TextContent.Trim().ShouldBe("Thử lại");
        dialog.Find("#components-resume-button").TextContent.Trim().ShouldBe("Tiếp tục");
        dialog.Find("#components-seconds-to-next-attempt").ShouldNotBeNull();
    }

    [Fact]
    public void The_dialog_speaks_english_to_an_english_reader()
    {
        UseCulture("en");
        var dialog = Render<ReconnectModal>();

        dialog.Find("dialog#components-reconnect-modal").TextContent.ShouldContain("Reconnecting…");
        dialog.Find("#components-reconnect-button").TextContent.Trim().ShouldBe("Try again");
    }

    [Fact]
    public void The_script_is_a_module_of_the_portal_and_not_inline()
    {
        var script = Render<ReconnectModal>().Find("script");

        script.GetAttribute("type").ShouldBe("module");
        script.GetAttribute("src")!.ShouldContain("Components/Layout/ReconnectModal.razor.js");
        script.TextContent.Trim().ShouldBeEmpty();
    }
}
