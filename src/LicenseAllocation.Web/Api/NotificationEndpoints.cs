using LicenseAllocation.Application.Notifications;

namespace LicenseAllocation.Web.Api;

internal static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/notifications", ListAsync).WithName("ListNotifications")
            .WithSummary("The caller's own inbox, newest first, 20 a page: unread (only unread ones), page; with the unread count.");
        api.MapPost("/notifications/{id:long}/read", MarkReadAsync).WithName("MarkNotificationRead")
            .WithSummary("Marks one of the caller's notifications read. 404 when it is not the caller's.");
        return api;
    }

    private static async Task<IResult> ListAsync(bool? unread, int? page, HttpContext context, NotificationService notifications, CancellationToken cancellationToken)
    {
        var outcome = await notifications.ListAsync(ApiCaller.Of(context), unread ?? false, page ?? 1, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(NotificationPageDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> MarkReadAsync(long id, HttpContext context, NotificationService notifications, CancellationToken cancellationToken)
    {
        var outcome = await notifications.MarkReadAsync(ApiCaller.Of(context), id, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(NotificationDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }
}
