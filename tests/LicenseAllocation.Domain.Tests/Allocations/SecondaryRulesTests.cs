using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Units;
using Shouldly;

namespace LicenseAllocation.Domain.Tests.Allocations;

/// <summary>The rules beside the allocation rules: the lengths of what officials type, and what an inactive unit may hold.</summary>
public sealed class SecondaryRulesTests
{
    [Fact]
    public void The_limits_are_those_the_database_columns_and_the_messages_were_made_for()
    {
        (ChangeReason.MaxLength, DocumentReference.MaxLength, UnitName.MaxLength).ShouldBe((1000, 200, 200));
        (PlanName.MaxLength, LicensedProduct.MaxNameLength, LicensedProduct.MaxVendorLength).ShouldBe((300, 200, 200));
        (OfficialDocument.MaxNumberLength, OfficialDocument.MaxSignerLength, PlanYear.Min, PlanYear.Max).ShouldBe((64, 200, 2000, 2100));
        AuditEntry.MaxReasonLength.ShouldBe(ChangeReason.MaxLength);
        AuditEntry.MaxDocumentRefLength.ShouldBe(DocumentReference.MaxLength);
        AllocationPlan.MaxNameLength.ShouldBe(PlanName.MaxLength);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_change_needs_a_reason(string? reason) =>
        ChangeReason.Check(reason).ShouldBe(AllocationError.ReasonRequired());

    [Fact]
    public void A_reason_holds_at_most_its_maximum_once_trimmed()
    {
        ChangeReason.Check("  " + new string('x', ChangeReason.MaxLength) + "  ").ShouldBeNull();
        ChangeReason.Check(new string('x', ChangeReason.MaxLength + 1)).ShouldBe(AllocationError.ReasonRequired());
    }

    [Fact]
    public void A_document_reference_is_optional_and_explained_with_its_length_when_too_long()
    {
        DocumentReference.Check(null).ShouldBeNull();
        DocumentReference.Check(" " + new string('x', DocumentReference.MaxLength) + " ").ShouldBeNull();
        DocumentReference.Check(new string('x', 250)).ShouldBe(AllocationError.DocumentRefTooLong(250, DocumentReference.MaxLength));
    }

    [Fact]
    public void An_inactive_unit_holds_0()
    {
        AllocationRules.CheckUnitActivity(isActive: false, newQuantity: 0).ShouldBeNull();
        AllocationRules.CheckUnitActivity(isActive: false, newQuantity: 3).ShouldBe(AllocationError.UnitInactive(3));
        AllocationRules.CheckUnitActivity(isActive: true, newQuantity: 3).ShouldBeNull();
        AllocationRules.CheckDeactivation(held: 0).ShouldBeNull();
        AllocationRules.CheckDeactivation(held: 12).ShouldBe(AllocationError.UnitNotEmpty(12));
    }

    [Fact]
    public void Names_have_1_to_their_maximum_characters()
    {
        UnitName.Check("Phường   11").ShouldBeNull();
        UnitName.Check(" ").ShouldBe(AllocationError.InvalidName());
        UnitName.Check(new string('x', UnitName.MaxLength + 1)).ShouldBe(AllocationError.InvalidName());
        PlanName.Check(new string('x', PlanName.MaxLength)).ShouldBeNull();
        PlanName.Check(new string('x', PlanName.MaxLength + 1)).ShouldBe(AllocationError.InvalidPlanName());
        PlanName.Check(null).ShouldBe(AllocationError.InvalidPlanName());
        LicensedProduct.CheckName("Kaspersky Endpoint Security").ShouldBeNull();
        LicensedProduct.CheckName("").ShouldBe(AllocationError.InvalidProductName());
        LicensedProduct.CheckVendor(null).ShouldBeNull();
        LicensedProduct.CheckVendor(new string('x', LicensedProduct.MaxVendorLength + 1)).ShouldBe(AllocationError.InvalidVendor());
    }

    [Fact]
    public void A_plan_year_and_a_licence_term_are_checked()
    {
        PlanYear.Check(PlanYear.Min).ShouldBeNull();
        PlanYear.Check(PlanYear.Max + 1).ShouldBe(AllocationError.InvalidYear(PlanYear.Max + 1));
        LicensedProduct.CheckTerm(new DateOnly(2021, 1, 1), new DateOnly(2021, 1, 1)).ShouldBe(AllocationError.InvalidLicenceTerm());
        LicensedProduct.CheckTerm(new DateOnly(2021, 1, 1), null).ShouldBeNull();
    }

    [Fact]
    public void A_publishing_letter_needs_its_number_date_and_signer_within_their_lengths()
    {
        OfficialDocument.CheckNumber("125/STTTT-CNTT").ShouldBeNull();
        OfficialDocument.CheckNumber(new string('1', OfficialDocument.MaxNumberLength + 1)).ShouldBe(AllocationError.DocumentNumberRequired());
        OfficialDocument.CheckNumber(" ").ShouldBe(AllocationError.DocumentNumberRequired());
        OfficialDocument.CheckDate(null).ShouldBe(AllocationError.DocumentDateRequired());
        OfficialDocument.CheckSigner("Phó Giám đốc Nguyễn Văn A").ShouldBeNull();
        OfficialDocument.CheckSigner(new string('x', OfficialDocument.MaxSignerLength + 1)).ShouldBe(AllocationError.SignerRequired());
    }
}
