// Small bounded in-memory state for the Slack layer: per-user rate limits and each thread's last topic.

export interface RateLimiter {
  /** 0 when allowed (and counted), else the seconds until the oldest counted question leaves the window. */
  check(userId: string, nowMs: number): number;
  /** For a refused user: true at most once a window, so a flood of questions gets one "slow down", not a flood back. */
  noticeDue(userId: string, nowMs: number): boolean;
}

/** Sliding window per user; users are evicted oldest-first past `maxUsers` so memory stays bounded. */
export function createRateLimiter(perMinute: number, windowMs = 60_000, maxUsers = 10_000): RateLimiter {
  const hits = new Map<string, number[]>();
  const noticed = new Map<string, number>();
  return {
    noticeDue(userId, nowMs) {
      const last = noticed.get(userId);
      if (last !== undefined && nowMs - last < windowMs) return false;
      noticed.delete(userId); // re-insert, so the oldest notice is evicted first
      noticed.set(userId, nowMs);
      if (noticed.size > maxUsers) noticed.delete(noticed.keys().next().value as string);
      return true;
    },
    check(userId, nowMs) {
      const recent = (hits.get(userId) ?? []).filter((t) => t > nowMs - windowMs);
      hits.delete(userId); // re-insert below, so Map order is least recently seen first
      if (recent.length >= perMinute) {
        hits.set(userId, recent);
        const oldest = recent[0] ?? nowMs;
        return Math.max(1, Math.ceil((oldest + windowMs - nowMs) / 1000));
      }
      recent.push(nowMs);
      hits.set(userId, recent);
      if (hits.size > maxUsers) hits.delete(hits.keys().next().value as string);
      return 0;
    },
  };
}

export interface ThreadTopics {
  get(key: string): string | undefined;
  set(key: string, topicId: string): void;
}

/** Least-recently-used map thread → topic, so "and on Lambda?" knows what the thread is about. */
export function createThreadTopics(max = 5_000): ThreadTopics {
  const topics = new Map<string, string>();
  return {
    get(key) {
      const topic = topics.get(key);
      if (topic !== undefined) {
        topics.delete(key);
        topics.set(key, topic);
      }
      return topic;
    },
    set(key, topicId) {
      topics.delete(key);
      topics.set(key, topicId);
      if (topics.size > max) topics.delete(topics.keys().next().value as string);
    },
  };
}
