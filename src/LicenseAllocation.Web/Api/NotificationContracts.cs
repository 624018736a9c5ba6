using System.Globalization;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Notifications;

namespace LicenseAllocation.Web.Api;

/// <summary>One line of the caller's inbox: <c>text</c> in the caller's language, <c>link</c> the page it is about. Times in Vietnam time (+07:00).</summary>
public sealed record NotificationDto(
    long Id, string Kind, int PlanId, long? RequestId, string Text, string Link, int? Quantity, string? Outcome, DateTimeOffset At, bool Read)
{
    internal static NotificationDto From(NotificationView view) => new(
        view.Id,
        view.Kind.ToString(),
        view.PlanId,
        view.RequestId,
        view.Text(CultureInfo.CurrentUICulture),
        view.Link,
        view.Quantity,
        view.Outcome,
        VietnamTime.FromUtc(view.CreatedAtUtc),
        view.IsRead);
}

public sealed record NotificationPageDto(IReadOnlyList<NotificationDto> Items, int Total, int Unread, int Page, int PageSize)
{
    internal static NotificationPageDto From(NotificationPage page) =>
        new([.. page.Items.Select(NotificationDto.From)], page.Total, page.Unread, page.Page, page.PageSize);
}
