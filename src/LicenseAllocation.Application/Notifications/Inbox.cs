using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Domain.Deployments;
using LicenseAllocation.Domain.Notifications;
using LicenseAllocation.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Notifications;

/// <summary>
/// Writes notifications into the transaction of the event they tell (the caller saves them with the event's audit rows),
/// so an event that commits has told its people and one that rolls back has told no one. Disabled accounts are not told.
/// An account with an e-mail address gets an <see cref="OutboxMail"/> beside each notification, in the same transaction.
/// </summary>
internal static class Inbox
{
    private sealed record Account(string UserName, string? Role, int? ScopeUnitId, string? Email, string? Language);

    /// <summary>A new request, to whoever decides it: the district's officers, or the province's administrators.</summary>
    public static async Task ToDecidersAsync(AllocationDbContext db, LicenceRequest request, int? decidingDistrict, string unitName, CancellationToken cancellationToken)
    {
        var accounts = await AccountsAsync(db, cancellationToken);
        var deciders = accounts.Where(a => decidingDistrict is { } district
            ? a.Role == nameof(PortalRole.DistrictOfficer) && a.ScopeUnitId == district
            : a.Role == nameof(PortalRole.ProvinceAdmin));
        foreach (var decider in deciders.Where(a => a.UserName != request.RequestedBy))
        {
            Tell(db, decider, Notification.Of(decider.UserName, NotificationKind.RequestSubmitted, request.PlanId, request.RequestedAtUtc, unitName, request.Id, request.Requested));
        }
    }

    /// <summary>A decision, to the requester.</summary>
    public static async Task ToRequesterAsync(AllocationDbContext db, LicenceRequest request, string unitName, CancellationToken cancellationToken)
    {
        var requester = (await AccountsAsync(db, cancellationToken)).FirstOrDefault(a => a.UserName == request.RequestedBy);
        var notification = Notification.Of(
            request.RequestedBy, NotificationKind.RequestDecided, request.PlanId, request.DecidedAtUtc!.Value, unitName, request.Id, request.Approved, request.Status.ToString());
        if (requester is null)
        {
            // A disabled requester still finds the decision in the inbox if the account is enabled again, but gets no e-mail.
            db.Notifications.Add(notification);
            return;
        }

        Tell(db, requester, notification);
    }

    /// <summary>A plan published (or an amendment of it), to every account working in it but the one who published it.</summary>
    public static async Task ToPlanAsync(AllocationDbContext db, int planId, NotificationKind kind, string planName, string actor, DateTime now, CancellationToken cancellationToken)
    {
        var units = (await db.Nodes.AsNoTracking().Where(n => n.PlanId == planId).Select(n => n.UnitId).ToListAsync(cancellationToken)).ToHashSet();
        var accounts = await AccountsAsync(db, cancellationToken);
        foreach (var account in accounts
            .Where(a => a.UserName != actor && (a.ScopeUnitId is not { } scope || units.Contains(scope)))
            .DistinctBy(a => a.UserName))
        {
            Tell(db, account, Notification.Of(account.UserName, kind, planId, now, planName));
        }
    }

    private static void Tell(AllocationDbContext db, Account account, Notification notification)
    {
        db.Notifications.Add(notification);
        if (!string.IsNullOrWhiteSpace(account.Email))
        {
            db.OutboxMails.Add(OutboxMail.For(notification, account.Email, account.Language));
        }
    }

    /// <summary>
    /// A unit that entered a band of a console report, to the province's administrators (but the one who imported) and
    /// to every account whose scope is the unit or a unit above it.
    /// </summary>
    public static async Task ToUnitOfficersAsync(
        AllocationDbContext db, int planId, IReadOnlyCollection<(int UnitId, string UnitName, UseBand Band, int Percent)> entered, IReadOnlyDictionary<int, int?> parents, string actor, DateTime now, CancellationToken cancellationToken)
    {
        if (entered.Count == 0)
        {
            return;
        }

        var accounts = await AccountsAsync(db, cancellationToken);
        foreach (var (unitId, unitName, band, percent) in entered)
        {
            var above = new HashSet<int>();
            for (int? at = unitId; at is { } id && above.Add(id); at = parents.GetValueOrDefault(id))
            {
            }

            db.Notifications.AddRange(accounts
                .Where(a => a.UserName != actor && (a.Role == nameof(PortalRole.ProvinceAdmin) || a.ScopeUnitId is { } scope && above.Contains(scope) && a.Role != nameof(PortalRole.Auditor)))
                .Select(a => a.UserName)
                .Distinct()
                .Select(userName => Notification.Of(userName, NotificationKind.DeploymentBandEntered, planId, now, unitName, quantity: percent, outcome: band.ToString())));
        }
    }

    private static async Task<List<Account>> AccountsAsync(AllocationDbContext db, CancellationToken cancellationToken)
    {
        var rows = await (from u in db.Users.AsNoTracking()
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          select new { u.UserName, Role = r.Name, u.ScopeUnitId, u.LockoutEnd, u.Email, u.Language })
            .ToListAsync(cancellationToken);
        return [.. rows.Where(r => r.UserName is not null && !UserAdministration.IsDisabled(r.LockoutEnd)).Select(r => new Account(r.UserName!, r.Role, r.ScopeUnitId, r.Email, r.Language))];
    }
}
