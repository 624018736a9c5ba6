using System.Diagnostics.CodeAnalysis;
using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Application.Common;

/// <summary>The result of a use case: a value, or the refusal that explains why nothing was changed.</summary>
public sealed class Outcome<T>
{
    private Outcome(T? value, AllocationError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public AllocationError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

#pragma warning disable CA2225 // The conversions keep use cases readable; Outcome.Success and Outcome.Refused are the named alternatives.
    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(AllocationError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));
#pragma warning restore CA2225
}

public static class Outcome
{
    public static Outcome<T> Success<T>(T value) => value;

    public static Outcome<T> Refused<T>(AllocationError error) => error;
}
