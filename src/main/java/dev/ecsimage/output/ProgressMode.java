package dev.ecsimage.output;

/** Progress on stderr: bars on a terminal and plain lines otherwise (auto), always bars, always lines, or nothing. */
public enum ProgressMode { auto, bar, plain, none }
