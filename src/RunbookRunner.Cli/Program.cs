using RunbookRunner.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var context = new CliContext(Console.Out, Console.Error) { In = Console.IsInputRedirected ? null : Console.In };
return await CliApp.RunAsync(args, context, cancel.Token);
