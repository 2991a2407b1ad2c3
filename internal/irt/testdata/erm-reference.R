# Reference estimates for package irt from R's eRm (conditional maximum
# likelihood, Mair & Hatzinger). Run from anywhere:
#
#   Rscript internal/irt/testdata/erm-reference.R
#
# It simulates two data sets with fixed seeds, fits them with eRm and writes
# one JSON file per data set beside this script: the items, the responses
# (-1 where a response is missing) and eRm's estimates. The files are
# committed, so the Go tests never need R.
#
#   rasch-missing.json  400 persons x 12 items, Rasch model, ~15% missing at
#                       random; fitted with RM(X).
#   pcm.json            500 persons x 10 items with highest categories 1, 2
#                       and 3, partial credit model; fitted with PCM(X).
#
# eRm's parameterisation, and what is recorded:
#
#   * eRm writes P(X_i = h) proportional to exp(h*theta + beta_ih), so its
#     betapar are easiness parameters, cumulative over the categories:
#     beta_ih = -eta_ih = -(tau_i1 + ... + tau_ih) in the notation of
#     package irt. With sum0 = TRUE (the default) eRm makes the betapar sum
#     to zero: over items for RM(), which is the same constraint as
#     irt's (the Rasch difficulties tau_i1 = -beta_i1 sum to zero), and
#     over all item-category parameters beta_ih for PCM(), which is not.
#   * thresholds(fit) gives the thresholds tau_ih = -(beta_ih - beta_i,h-1)
#     under eRm's constraint, and their standard errors from
#     T W H^-1 W' T'. Every PCM solution can be moved by adding one
#     constant to all thresholds (and to theta); the estimates differ by
#     such a shift only, so irt's thresholds are eRm's minus their mean.
#   * Standard errors depend on the constraint. The centred thresholds
#     C tau (C = I - 11'/M, M thresholds in all) are contrasts, estimable
#     whatever constraint identifies the model, so their covariance
#     C T W H^-1 W' T' C' is the same under eRm's constraint and under
#     irt's (mean of all thresholds = 0). That is what se_centred holds,
#     computed from eRm's own covariance matrix; for RM() it equals
#     se.beta, which is recorded too.
#   * eRm maximises with nlm() on a numerical gradient and takes a
#     numerical Hessian, so its figures are accurate to about 1e-5 (the
#     Go tests allow 1e-3).
#   * Item fit: itemfit(person.parameter(fit)): mean squares from maximum
#     likelihood person parameters, persons with extreme scores left out,
#     missing cells left out of both sums.

suppressPackageStartupMessages({
  library(eRm)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = FALSE)
file_arg <- sub("^--file=", "", args[grep("^--file=", args)])
outdir <- if (length(file_arg) == 1) dirname(normalizePath(file_arg)) else "."

# Thresholds and their standard errors under the centring constraint,
# from eRm's fit (RM or PCM).
centred <- function(fit) {
  X <- fit$X
  m <- apply(X, 2, max, na.rm = TRUE)
  beta <- fit$betapar
  k <- length(beta)
  # T maps the cumulative easiness parameters beta to thresholds:
  # tau = -T beta (as in eRm's thresholds()).
  T <- diag(k)
  pos <- 0
  for (i in seq_along(m)) {
    if (m[i] > 1) for (h in 2:m[i]) T[pos + h, pos + h - 1] <- -1
    pos <- pos + m[i]
  }
  tau <- -as.vector(T %*% beta)
  vc.beta <- fit$W %*% solve(fit$hessian) %*% t(fit$W)
  C <- diag(k) - matrix(1 / k, k, k)
  vc.tau <- C %*% T %*% vc.beta %*% t(T) %*% t(C)
  item <- rep(seq_along(m), m)
  # I() keeps one-threshold items as arrays under auto_unbox.
  per_item <- function(v) lapply(unname(split(v, item)), function(x) I(unname(x)))
  list(
    raw = per_item(tau),
    se_raw = per_item(sqrt(diag(T %*% vc.beta %*% t(T)))),
    centred = per_item(tau - mean(tau)),
    se_centred = per_item(sqrt(diag(vc.tau)))
  )
}

fitstats <- function(fit) {
  pp <- person.parameter(fit)
  f <- itemfit(pp)
  list(
    outfit = unname(as.vector(f$i.outfitMSQ)),
    infit = unname(ifelse(is.na(f$i.infitMSQ), NA, as.vector(f$i.infitMSQ))),
    persons_excluded = length(pp$pers.ex)
  )
}

write_set <- function(name, description, seed, X, fit) {
  th <- centred(fit)
  fs <- fitstats(fit)
  m <- apply(X, 2, max, na.rm = TRUE)
  resp <- X
  resp[is.na(resp)] <- -1
  out <- list(
    description = description,
    seed = seed,
    model = fit$model,
    erm_version = as.character(packageVersion("eRm")),
    r_version = R.version.string,
    items = lapply(seq_along(m), function(i) list(id = colnames(X)[i], categories = unname(m[i]))),
    responses = unname(resp),
    erm = list(
      loglik = fit$loglik,
      iterations = fit$iter,
      convergence = fit$convergence,
      betapar = unname(fit$betapar),
      se_beta = unname(fit$se.beta),
      thresholds = th$raw,
      se_thresholds = th$se_raw,
      thresholds_centred = th$centred,
      se_centred = th$se_centred,
      outfit = fs$outfit,
      infit = fs$infit,
      fit_persons_excluded = fs$persons_excluded
    )
  )
  path <- file.path(outdir, paste0(name, ".json"))
  writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = FALSE), path)
  cat("wrote", path, "\n")
}

# 1. Rasch model, 400 x 12, ~15% missing at random.
set.seed(20240611)
n <- 400
b <- seq(-2, 2, length.out = 12) + c(0.3, -0.2, 0.1, 0, -0.3, 0.2, -0.1, 0.25, -0.15, 0, 0.1, -0.2)
theta <- rnorm(n, 0, 1.2)
p <- plogis(outer(theta, b, "-"))
X <- matrix(rbinom(length(p), 1, p), n, length(b))
X[matrix(runif(length(X)) < 0.15, n)] <- NA
colnames(X) <- sprintf("R%02d", seq_along(b))
# eRm refuses persons with fewer than two responses (they carry no
# information under CML); none are expected, drop them if drawn.
X <- X[rowSums(!is.na(X)) >= 2, ]
rownames(X) <- NULL
fit <- RM(X)
write_set("rasch-missing",
  "Rasch model: 400 persons x 12 items, theta ~ N(0, 1.2^2), about 15% of responses missing at random (-1); eRm RM()",
  20240611, X, fit)

# 2. Partial credit model, 500 x 10, highest categories 1, 2 and 3.
set.seed(20240612)
n <- 500
tau <- list(
  c(-1.0), c(-1.5, 0.2), c(-1.2, -0.3, 0.9), c(0.8), c(-0.4, 0.6),
  c(-0.8, 0.4, 1.4), c(0.0, 1.1), c(-2.0, -0.6, 0.5), c(-0.3), c(-1.1, -0.2)
)
theta <- rnorm(n, 0, 1)
X <- sapply(tau, function(t) {
  eta <- c(0, cumsum(t))
  sapply(theta, function(th) {
    w <- exp((seq_along(eta) - 1) * th - eta)
    sample(seq_along(eta) - 1, 1, prob = w / sum(w))
  })
})
colnames(X) <- sprintf("P%02d", seq_along(tau))
fit <- PCM(X)
write_set("pcm",
  "Partial credit model: 500 persons x 10 items (highest categories 1 to 3), theta ~ N(0, 1), complete; eRm PCM()",
  20240612, X, fit)
