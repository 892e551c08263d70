using RunbookRunner.Benchmarks;

return await BenchmarkApp.RunAsync(args);
