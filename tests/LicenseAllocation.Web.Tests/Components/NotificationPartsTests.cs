using Bunit;
using Bunit.TestDoubles;
using LicenseAllocation.Domain.Notifications;
using LicenseAllocation.Web.Components.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>The bell in the header and the inbox: the count is the caller's unread notifications, and reading one lowers it at once.</summary>
public sealed class NotificationPartsTests : ComponentTestContext
{
    private BunitAuthorizationContext _auth = default!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddServices()
    {
        _auth = AddAuthorization();
        Services.AddScoped<NotificationEvents>();
    }

    private async Task TellAsync(string recipient, int count)
    {
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        for (var i = 0; i < count; i++)
        {
            db.Notifications.Add(Notification.Of(recipient, NotificationKind.RequestSubmitted, 1, DateTime.UtcNow, "Phường 11", requestId: i + 1, quantity: 5));
        }

        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task The_bell_counts_the_callers_unread_notifications_and_marking_one_read_lowers_it()
    {
        UseCulture("vi-VN");
        await TellAsync("can-bo-huyen", 2);
        await TellAsync("nguoi-khac", 3);
        _auth.SetAuthorized("can-bo-huyen");
        _auth.SetRoles("DistrictOfficer");

        var bell = Render<NotificationBell>();
        var inbox = Render<NotificationList>();

        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-count]").GetAttribute("data-count").ShouldBe("2"));
        inbox.WaitForAssertion(() => inbox.FindAll("[data-testid=notification]").Count.ShouldBe(2));
        inbox.Find("[data-testid=notification-text]").TextContent.ShouldBe("Phường 11 đề nghị bổ sung 5 bản quyền, chờ anh/chị quyết định.");
        inbox.Find("[data-testid=notification-open]").GetAttribute("href").ShouldBe("/plans/1/requests", "a request's notification opens the plan's requests");

        inbox.FindAll("[data-testid=notification-mark-read]")[0].Click();

        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-count]").GetAttribute("data-count").ShouldBe("1"));
        inbox.WaitForAssertion(() => inbox.FindAll("[data-testid=notification-mark-read]").Count.ShouldBe(1));
    }
}
