using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Requests;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Requests;

/// <summary>
/// The seeded plan seen from one district (Thành phố Cao Lãnh): its officer, a viewer of one of its communes, and the
/// room the tests free in the district by lowering the commune that holds its licences (a seeded district hands on everything it holds).
/// </summary>
internal sealed class RequestScenario
{
    private RequestScenario(ProviderDatabase database, StoredPlan seed, int district, IReadOnlyList<StoredNode> communes, StoredNode donor)
    {
        Donor = donor;
        Database = database;
        Seed = seed;
        District = district;
        Communes = communes;
        Officer = new Caller("can-bo-cao-lanh", PortalRole.DistrictOfficer, district);
        Viewer = new Caller("can-bo-phuong", PortalRole.UnitViewer, communes[0].UnitId);
        Requests = new RequestService(database.Factory, TimeProvider.System);
    }

    public ProviderDatabase Database { get; }

    public StoredPlan Seed { get; }

    public int PlanId => Seed.PlanId;

    public int District { get; }

    /// <summary>The district's communes, fewest licences first.</summary>
    public IReadOnlyList<StoredNode> Communes { get; }

    /// <summary>What the district and its last commune are given before each test.</summary>
    public const int Held = 50;

    public int Commune => Communes[0].UnitId;

    /// <summary>The commune holding the district's licences: lowered to free room, or named as the source.</summary>
    public StoredNode Donor { get; }

    public Caller Officer { get; }

    public Caller Viewer { get; }

    public RequestService Requests { get; }

    public static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>
    /// The seed gives the districts nothing yet (the group holds their 3.960): the administrator first gives the district
    /// <see cref="Held"/> and hands all of it to its last commune, so the district is full and that commune can give.
    /// </summary>
    public static async Task<RequestScenario> CreateAsync(ProviderDatabase database)
    {
        var planId = await StoredPlan.SeededPlanIdAsync(database.Factory, Cancellation);
        var district = await SeededPlan.UnitIdByCodeAsync(database.Factory, "866");
        var initial = await StoredPlan.LoadAsync(database.Factory, planId, Cancellation);
        var last = initial.Nodes.Where(n => n.ParentUnitId == district && n.Kind == UnitKind.CommuneCommittee).MaxBy(n => n.Order)!;
        var quantities = new QuantityService(database.Factory, TimeProvider.System);
        (await quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(planId, district, initial[district].Quantity + Held, "Giao cho huyện"), Cancellation)).Succeeded.ShouldBeTrue();
        (await quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(planId, last.UnitId, last.Quantity + Held, "Giao cho phường"), Cancellation)).Succeeded.ShouldBeTrue();

        var seed = await StoredPlan.LoadAsync(database.Factory, planId, Cancellation);
        var communes = seed.Nodes.Where(n => n.ParentUnitId == district && n.Kind == UnitKind.CommuneCommittee).OrderBy(n => n.Quantity).ThenBy(n => n.Order).ToList();
        communes.Count.ShouldBeGreaterThan(2);
        seed[district].HandedOn.ShouldBe(seed[district].Quantity, "the district hands on everything it holds");
        return new RequestScenario(database, seed, district, communes, seed[last.UnitId]);
    }

    /// <summary>Lowers the donor commune by <paramref name="room"/> (as the administrator), so the district has that much left.</summary>
    public async Task FreeRoomAsync(int room)
    {
        Donor.Quantity.ShouldBeGreaterThanOrEqualTo(room);
        var freed = await new QuantityService(Database.Factory, TimeProvider.System)
            .ChangeAsync(SeededPlan.Admin, new ChangeQuantity(PlanId, Donor.UnitId, Donor.Quantity - room, "Thu hồi để bổ sung theo đề nghị"), Cancellation);
        freed.Succeeded.ShouldBeTrue();
    }

    public async Task<RequestView> SubmitAsync(int quantity, int? unitId = null, Caller? caller = null)
    {
        var outcome = await Requests.SubmitAsync(caller ?? Viewer, new SubmitRequest(PlanId, unitId ?? Commune, quantity, "Phường có thêm máy tính mới"), Cancellation);
        outcome.Error.ShouldBeNull();
        return outcome.Value!;
    }

    public Task<Outcome<RequestView>> DecideAsync(long requestId, int approved, string? comment = null, int? source = null, Caller? caller = null) =>
        Requests.DecideAsync(caller ?? Officer, new DecideRequest(requestId, approved, comment, source), Cancellation);

    public Task<StoredPlan> LoadAsync() => StoredPlan.LoadAsync(Database.Factory, PlanId, Cancellation);
}
