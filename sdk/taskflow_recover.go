package sdk

import (
	"crypto/rand"
	"errors"
	"slices"
	"strconv"
)

// Finding the tasks of a post whose answer was lost: RunTasks tags the
// tasks it posts, and a post that failed after it may have reached the API
// leaves its tasks "unconfirmed" until tasks_ready lists them by tag.

// walkTagPrefix starts the tags RunTasks gives the tasks without one.
const walkTagPrefix = "dfs-go:"

// tagTasks returns the tasks with a tag of the walk's own on each task
// without one: a copy when it tags any, tasks itself otherwise.
func (w *walk[T, R]) tagTasks(tasks []T) []T {
	if w.flow.Tag == nil {
		return tasks
	}
	walkID := walkTagPrefix + rand.Text()[:16] + ":"
	var out []T
	for i := range tasks {
		if tag := w.flow.Tag(&tasks[i]); tag == nil || tag.IsSet() {
			continue
		}
		if out == nil {
			out = slices.Clone(tasks)
		}
		*w.flow.Tag(&out[i]) = Some(walkID + strconv.Itoa(i))
		if w.ownTags == nil {
			w.ownTags = map[int]string{}
		}
		w.ownTags[i] = walkID + strconv.Itoa(i)
	}
	if out == nil {
		return tasks
	}
	return out
}

// unconfirm records the tasks tasks[start:start+n] of a post that failed
// with err as unconfirmed when err says the post may have reached the API,
// and reports whether it did.
func (w *walk[T, R]) unconfirm(tasks []T, start, n int, err error) bool {
	var e *Error
	if !errors.As(err, &e) || !e.MaybeCharged() {
		return false
	}
	for i := start; i < start+n; i++ {
		if tag, ok := w.ownTags[i]; ok {
			if w.unconfirmed == nil {
				w.unconfirmed = map[string]int{}
			}
			w.unconfirmed[tag] = i
			continue
		}
		// A tag of the caller's own may be shared with other tasks of
		// the account: such a task is reported, not looked for.
		u := UnconfirmedTask{Index: i}
		if w.flow.Tag != nil {
			if tag := w.flow.Tag(&tasks[i]); tag != nil {
				u.Tag = tag.Value()
			}
		}
		w.untagged = append(w.untagged, u)
	}
	w.postErr, w.giveUpAt = err, w.clock.now().Add(FlowUnconfirmedWait)
	return true
}

// awaitingUnconfirmed reports whether the walk still waits for unconfirmed
// tasks to show in tasks_ready.
func (w *walk[T, R]) awaitingUnconfirmed() bool {
	return len(w.unconfirmed) > 0 && w.clock.now().Before(w.giveUpAt)
}

// ours returns the ids of the walk's tasks among ready: the pending ones,
// and the unconfirmed ones found by their tag, which become pending.
func (w *walk[T, R]) ours(ready []ReadyTask) []string {
	var ids []string
	for _, r := range ready {
		if _, ok := w.pending[r.ID]; ok {
			ids = append(ids, r.ID)
			continue
		}
		if i, ok := w.unconfirmed[r.Tag]; ok && r.ID != "" {
			delete(w.unconfirmed, r.Tag)
			w.pending[r.ID] = PostedTask{Index: i, ID: r.ID}
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// unconfirmedTasks lists the unconfirmed tasks in task order.
func (w *walk[T, R]) unconfirmedTasks() []UnconfirmedTask {
	out := slices.Clone(w.untagged)
	for tag, i := range w.unconfirmed {
		out = append(out, UnconfirmedTask{Index: i, Tag: tag})
	}
	slices.SortFunc(out, func(a, b UnconfirmedTask) int { return a.Index - b.Index })
	return out
}

// indexes returns from, from+1, ..., to-1 (nil when to <= from).
func indexes(from, to int) []int {
	var out []int
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}
