using LicenseAllocation.Domain.Auditing;
using Shouldly;

namespace LicenseAllocation.Domain.Tests.Auditing;

public sealed class AuditEntryTests
{
    private static readonly DateTime At = new(2026, 11, 29, 7, 30, 15, DateTimeKind.Utc);

    private static AuditEntry Change(string reason = "Điều chỉnh theo đề nghị", int newValue = 25) =>
        AuditEntry.QuantityChange(1, 7, "admin", At.AddTicks(1234567), 20, newValue, reason, Guid.Parse("6f0c1f5e-8a4e-4c1b-9d1e-2f2a5b0c9e11"));

    [Fact]
    public void A_sealed_row_hashes_its_content_after_the_previous_row()
    {
        var row = Change();
        row.Seal(3, "ab");

        row.Sequence.ShouldBe(3);
        row.PreviousHash.ShouldBe("ab");
        row.Hash.Length.ShouldBe(64);
        AuditHash.Compute(row).ShouldBe(row.Hash);
    }

    [Fact]
    public void Rows_that_differ_in_any_recorded_field_hash_differently()
    {
        var baseline = Sealed(Change());

        Sealed(Change(reason: "Điều chỉnh theo đề nghị.")).ShouldNotBe(baseline);
        Sealed(Change(newValue: 26)).ShouldNotBe(baseline);
        Sealed(Change().UnderDocument("Số 12/STTTT")).ShouldNotBe(baseline);

        var other = Change();
        other.Seal(1, "ef");
        other.Hash.ShouldNotBe(baseline, "the previous row's hash is part of the content");
    }

    [Fact]
    public void Times_are_kept_to_the_microsecond_so_every_database_gives_back_what_was_hashed()
    {
        var row = Change();

        (row.AtUtc.Ticks % 10).ShouldBe(0);
        row.AtUtc.ShouldBe(At.AddTicks(1234560));
        row.AtUtc.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public void A_row_is_sealed_only_once_and_its_document_cannot_change_afterwards()
    {
        var row = Change();
        row.Seal(1, string.Empty);

        Should.Throw<InvalidOperationException>(() => row.Seal(2, row.Hash));
        Should.Throw<InvalidOperationException>(() => row.UnderDocument("Số 1"));
    }

    [Fact]
    public void User_events_need_no_plan_and_quantity_actions_need_figures()
    {
        var created = AuditEntry.Event(null, null, "admin", At, AuditAction.UserCreated, "Tạo tài khoản \"huyen.caolanh\"", Guid.NewGuid());

        created.PlanId.ShouldBeNull();
        Should.Throw<ArgumentException>(() => AuditEntry.Event(1, 2, "admin", At, AuditAction.QuantityChanged, "x", Guid.NewGuid()));
        Should.Throw<ArgumentException>(() => AuditEntry.QuantityChange(1, 2, "admin", At, 0, 1, "x", Guid.NewGuid(), AuditAction.UnitCreated));
        Should.Throw<ArgumentException>(() => AuditEntry.QuantityChange(1, 2, "admin", DateTime.SpecifyKind(At, DateTimeKind.Local), 0, 1, "x", Guid.NewGuid()));
    }

    private static string Sealed(AuditEntry row)
    {
        row.Seal(1, "cd");
        return row.Hash;
    }
}
