using System.Globalization;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Notifications;

/// <summary>One line of the caller's inbox; <see cref="Link"/> is the portal page it is about (a path: the plan's requests, its console picture, or the plan).</summary>
public sealed record NotificationView(
    long Id, NotificationKind Kind, int PlanId, long? RequestId, string Subject, int? Quantity, string? Outcome, DateTime CreatedAtUtc, DateTime? ReadAtUtc)
{
    public bool IsRead => ReadAtUtc is not null;

    public string Link => Kind switch
    {
        NotificationKind.DeploymentBandEntered => $"/plans/{PlanId}/deployment",
        NotificationKind.RequestSubmitted or NotificationKind.RequestDecided => $"/plans/{PlanId}/requests",
        _ => $"/plans/{PlanId}",
    };

    /// <summary>What it says, in <paramref name="culture"/> (Vietnamese unless the reader chose English).</summary>
    public string Text(CultureInfo culture)
    {
        var key = Kind is NotificationKind.RequestDecided or NotificationKind.DeploymentBandEntered ? $"{Kind}_{Outcome}" : Kind.ToString();
        return TextResources.Find(TextResources.NotificationTexts, key, culture) is { } format
            ? string.Format(culture, format, Subject, Quantity ?? 0)
            : Subject;
    }
}

public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Total, int Unread, int Page, int PageSize);

/// <summary>The caller's own inbox: nobody reads or marks another account's notifications.</summary>
public sealed class NotificationService(IDbContextFactory<AllocationDbContext> contextFactory, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<Outcome<NotificationPage>> ListAsync(Caller caller, bool unreadOnly, int page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Notifications.AsNoTracking().Where(n => n.Recipient == caller.UserName);
        var unread = await mine.CountAsync(n => n.ReadAtUtc == null, cancellationToken);
        var query = unreadOnly ? mine.Where(n => n.ReadAtUtc == null) : mine;
        var total = unreadOnly ? unread : await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, int.MaxValue / PageSize);
        var items = await query.OrderByDescending(n => n.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(n => new NotificationView(n.Id, n.Kind, n.PlanId, n.RequestId, n.Subject, n.Quantity, n.Outcome, n.CreatedAtUtc, n.ReadAtUtc))
            .ToListAsync(cancellationToken);
        return new NotificationPage(items, total, unread, page, PageSize);
    }

    /// <summary>How many of the caller's notifications are unread (the bell in the header).</summary>
    public async Task<int> UnreadCountAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.Recipient == caller.UserName && n.ReadAtUtc == null, cancellationToken);
    }

    /// <summary>Marks one of the caller's notifications read (once; reading it again changes nothing). Another account's is not found.</summary>
    public async Task<Outcome<NotificationView>> MarkReadAsync(Caller caller, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.Id == id && n.Recipient == caller.UserName && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
        var view = await db.Notifications.AsNoTracking().Where(n => n.Id == id && n.Recipient == caller.UserName)
            .Select(n => new NotificationView(n.Id, n.Kind, n.PlanId, n.RequestId, n.Subject, n.Quantity, n.Outcome, n.CreatedAtUtc, n.ReadAtUtc))
            .SingleOrDefaultAsync(cancellationToken);
        return view is null ? AllocationError.NotFound() : view;
    }
}
