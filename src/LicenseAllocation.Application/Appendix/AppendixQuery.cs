using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Appendix;

/// <summary>
/// Builds a plan's appendix from its current figures: one row per unit directly under the province, the district group
/// showing its total. A published plan's official appendix is the workbook frozen at publication (<see cref="AppendixExport"/>).
/// </summary>
public sealed class AppendixQuery(IDbContextFactory<AllocationDbContext> contextFactory)
{
    public const string Label = "Phụ lục";
    public const string Title = "DANH SÁCH CÁC ĐƠN VỊ ĐƯỢC PHÂN BỐ BẢN QUYỀN PHẦN MỀM PHÒNG CHỐNG MÃ ĐỘC";
    public const string TotalLabel = "TỔNG CỘNG";
    public const string PendingSplitSuffix = " (sẽ có phân bổ chi tiết)";
    public const string Note = "* Lưu ý: UBND cấp huyện phân bổ đến các cơ quan hành chính cấp huyện và UBND cấp xã";

    /// <summary>The one row of the communes and wards in a plan without a district level (since 01/07/2025).</summary>
    public const string CommuneGroupName = "UBND các xã, phường";

    /// <summary>The note of a two-level appendix: communes and wards receive their licences from the province directly.</summary>
    public const string TwoLevelNote = "* Lưu ý: Số lượng bản quyền của UBND các xã, phường được Sở phân bổ trực tiếp đến từng xã, phường (không qua cấp huyện)";

    public static readonly IReadOnlyList<string> Columns = ["STT", "Tên đơn vị", "Số lượng bản quyền được phân bổ"];

    public async Task<Outcome<AppendixDocument>> GetAsync(Caller caller, int planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var document = await BuildAsync(db, planId, cancellationToken);
        if (document is null)
        {
            return AllocationError.NotFound();
        }

        // The content as it stands now is a draft's appendix whatever the plan's status: see AppendixExport.
        return AccessPolicy.CanReadDraftAppendix(caller) ? document : AllocationError.OutOfScope();
    }

    /// <summary>The appendix as the plan's figures and units stand now in <paramref name="db"/>'s transaction; null for an unknown plan.</summary>
    internal static async Task<AppendixDocument?> BuildAsync(AllocationDbContext db, int planId, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var children = await PlanTreeQuery.Rows(db, planId, parentUnitId: plan.RootUnitId).ToListAsync(cancellationToken);
        var topLevel = children.Where(n => n.IsActive).OrderBy(n => n.Order).ThenBy(n => n.UnitId).ToList();

        // Without a district level the communes and wards stand directly under the province: after the provincial
        // agencies they are one group, as the district group was in 2020.
        var communes = topLevel.Where(n => n.Kind == UnitKind.CommuneCommittee).ToList();
        var rows = topLevel.Where(n => n.Kind != UnitKind.CommuneCommittee).Select((n, i) => new AppendixRow(i + 1, RowName(n), n.Quantity)).ToList();
        if (communes.Count > 0)
        {
            rows.Add(new AppendixRow(rows.Count + 1, CommuneGroupName, communes.Sum(n => n.Quantity)));
        }

        return new AppendixDocument(
            plan.Document?.IssuerSuperior ?? string.Empty,
            plan.Document?.Issuer ?? string.Empty,
            Label,
            Title,
            plan.Document?.AppendixReference ?? string.Empty,
            Columns,
            rows,
            TotalLabel,
            rows.Sum(r => r.Quantity),
            communes.Count > 0 ? TwoLevelNote : Note);
    }

    /// <summary>The district group says its split is still to come until the districts hold all of it, as the letter does.</summary>
    private static string RowName(UnitNodeView node) =>
        node.Kind == UnitKind.DistrictGroup && node.HandedOn < node.Quantity ? node.Name + PendingSplitSuffix : node.Name;
}
