using NUnit.Framework;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.TestKit.Contracts;

/// <summary>
/// What every <see cref="IStatusProvider"/> promises (see its documentation): an unknown PO is
/// <see cref="PoState.NotFound"/>, not an error; asking again gives the same answer (asking changes nothing); it is
/// safe to call concurrently; a cancelled call stops with <see cref="OperationCanceledException"/>; refused credentials
/// throw <see cref="SyncException"/> of kind <see cref="FailureKind.Configuration"/>. Subclass once per
/// implementation: the scripted fake and TD SYNNEX over its emulator.
/// </summary>
public abstract class StatusProviderContract
{
    /// <summary>A provider that knows <see cref="Known"/> as accepted and has never heard of <see cref="Unknown"/>.</summary>
    protected abstract Task<IStatusProvider> CreateAsync();

    /// <summary>A provider whose system refuses the credentials.</summary>
    protected abstract Task<IStatusProvider> CreateRefusingAsync();

    protected abstract PurchaseOrder Known { get; }

    protected abstract PurchaseOrder Unknown { get; }

    [Test]
    public async Task GetStatus_UnknownPo_IsNotFoundNotAnError()
    {
        var provider = await CreateAsync();

        var status = await provider.GetStatusAsync(Unknown, CancellationToken.None);

        Assert.That(status.State, Is.EqualTo(PoState.NotFound));
    }

    [Test]
    public async Task GetStatus_KnownPoAskedTwice_SameAnswer()
    {
        var provider = await CreateAsync();

        var first = await provider.GetStatusAsync(Known, CancellationToken.None);
        var second = await provider.GetStatusAsync(Known, CancellationToken.None);

        Assert.That(first.State, Is.EqualTo(PoState.Accepted));
        Assert.That((second.State, second.HeaderCode), Is.EqualTo((first.State, first.HeaderCode)));
    }

    [Test]
    public async Task GetStatus_Concurrently_EveryCallAnswered()
    {
        var provider = await CreateAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => provider.GetStatusAsync(i % 2 == 0 ? Known : Unknown, CancellationToken.None))));

        Assert.That(answers.Select(a => a.State), Is.EqualTo(Enumerable.Range(0, 6).Select(i => i % 2 == 0 ? PoState.Accepted : PoState.NotFound)));
    }

    [Test]
    public async Task GetStatus_Cancelled_ThrowsOperationCanceled()
    {
        var provider = await CreateAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.That(async () => await provider.GetStatusAsync(Known, cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task GetStatus_RefusedCredentials_ThrowsConfigurationFailure()
    {
        var provider = await CreateRefusingAsync();

        Assert.That(async () => await provider.GetStatusAsync(Known, CancellationToken.None),
            Throws.InstanceOf<SyncException>().With.Property(nameof(SyncException.Kind)).EqualTo(FailureKind.Configuration));
    }
}
