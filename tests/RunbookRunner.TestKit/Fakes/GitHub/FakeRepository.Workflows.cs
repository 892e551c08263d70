namespace RunbookRunner.TestKit.Fakes.GitHub;

public sealed partial class FakeRepository
{
    private readonly List<FakeWorkflow> workflows = [];
    private readonly List<FakeWorkflowRun> workflowRuns = [];

    public IReadOnlyList<FakeWorkflowRun> WorkflowRuns
    {
        get
        {
            lock (Gate)
            {
                return workflowRuns.ToList();
            }
        }
    }

    /// <summary>Adds <c>.github/workflows/{fileName}</c> with a <c>workflow_dispatch</c> trigger.</summary>
    public FakeWorkflow AddWorkflow(string fileName, string? name = null, IReadOnlyList<string>? inputs = null)
    {
        lock (Gate)
        {
            var workflow = new FakeWorkflow
            {
                Id = state.NextId(),
                Path = $".github/workflows/{fileName}",
                Name = name ?? Path.GetFileNameWithoutExtension(fileName),
                Inputs = inputs,
            };
            workflows.Add(workflow);
            return workflow;
        }
    }

    /// <summary>Moves a run forward, as GitHub Actions would (e.g. <c>in_progress</c>, then <c>completed</c> + <c>success</c>).</summary>
    public void SetWorkflowRunStatus(long runId, string status, string? conclusion = null)
    {
        lock (Gate)
        {
            var run = workflowRuns.Single(r => r.Id == runId);
            run.Status = status;
            run.Conclusion = status == "completed" ? conclusion : null;
            run.UpdatedAt = Now;
        }
    }

    /// <summary>By numeric id or by file name (<c>deploy.yml</c>).</summary>
    internal FakeWorkflow? FindWorkflow(string idOrFileName)
    {
        lock (Gate)
        {
            return workflows.SingleOrDefault(w =>
                w.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == idOrFileName || w.FileName == idOrFileName);
        }
    }

    internal FakeWorkflowRun? FindWorkflowRun(long id)
    {
        lock (Gate)
        {
            return workflowRuns.SingleOrDefault(r => r.Id == id);
        }
    }

    internal FakeWorkflowRun StartWorkflowRun(FakeWorkflow workflow, string branch, string sha, IReadOnlyDictionary<string, string> inputs)
    {
        lock (Gate)
        {
            var run = new FakeWorkflowRun
            {
                Id = state.NextId(),
                WorkflowId = workflow.Id,
                Name = workflow.Name,
                Path = workflow.Path,
                HeadBranch = branch,
                HeadSha = sha,
                RunNumber = workflowRuns.Count(r => r.WorkflowId == workflow.Id) + 1,
                Inputs = inputs,
                CreatedAt = Now,
                UpdatedAt = Now,
            };
            workflowRuns.Add(run);
            return run;
        }
    }
}
