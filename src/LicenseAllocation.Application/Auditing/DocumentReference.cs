using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;

namespace LicenseAllocation.Application.Auditing;

/// <summary>
/// The optional official letter a quantity change is made under ("Công văn số 123/UBND-VX ngày 05/01/2021"). Checked
/// before any write, so that a reference too long for the audit row is explained instead of failing the transaction.
/// </summary>
public static class DocumentReference
{
    public static AllocationError? Check(string? documentRef) =>
        documentRef?.Trim() is { Length: > AuditEntry.MaxDocumentRefLength } trimmed
            ? AllocationError.DocumentRefTooLong(trimmed.Length, AuditEntry.MaxDocumentRefLength)
            : null;
}
