//! Word times from where the decoder looked: the cross-attention of the model's alignment
//! heads, each softmaxed over the audio, standardised over the tokens, median-filtered over
//! time and averaged, then a dynamic time warping from the first token and frame to the
//! last (the method of OpenAI's `timing.py`).

/// Spectrogram frames the encoder turns into one audio state: 2 × 10 ms.
pub const SECONDS_PER_STATE: f64 = 0.02;

/// The cheapest monotonic path through `cost` (`rows × columns`, row by row) from the top
/// left to the bottom right, moving down, right or diagonally: the (row, column) pairs.
pub fn dtw(cost: &[f32], rows: usize, columns: usize) -> Vec<(usize, usize)> {
    if rows == 0 || columns == 0 || cost.len() != rows * columns {
        return Vec::new();
    }
    let width = columns + 1;
    let mut total = vec![f32::INFINITY; (rows + 1) * width];
    let mut came = vec![0u8; (rows + 1) * width];
    total[0] = 0.0;
    for column in 1..=columns {
        for row in 1..=rows {
            let diagonal = total[(row - 1) * width + column - 1];
            let up = total[(row - 1) * width + column];
            let left = total[row * width + column - 1];
            // Ties go left, as in timing.py.
            let (best, from) = if diagonal < up && diagonal < left {
                (diagonal, 0)
            } else if up < diagonal && up < left {
                (up, 1)
            } else {
                (left, 2)
            };
            total[row * width + column] = cost[(row - 1) * columns + column - 1] + best;
            came[row * width + column] = from;
        }
    }
    let (mut row, mut column) = (rows, columns);
    let mut path = Vec::with_capacity(rows + columns);
    while row > 0 || column > 0 {
        path.push((row.saturating_sub(1), column.saturating_sub(1)));
        let from = if row == 0 {
            2
        } else if column == 0 {
            1
        } else {
            came[row * width + column]
        };
        match from {
            0 => {
                row -= 1;
                column -= 1;
            }
            1 => row -= 1,
            _ => column -= 1,
        }
    }
    path.reverse();
    path
}

/// A running median of `width` (odd) over `values`, the ends reflected.
pub fn median_filter(values: &[f32], width: usize) -> Vec<f32> {
    let half = width / 2;
    if values.len() <= half {
        return values.to_vec();
    }
    let at = |i: isize| -> f32 {
        let n = values.len() as isize;
        let reflected = if i < 0 {
            -i
        } else if i >= n {
            2 * (n - 1) - i
        } else {
            i
        };
        values[reflected.clamp(0, n - 1) as usize]
    };
    let mut window = vec![0f32; width];
    (0..values.len() as isize)
        .map(|i| {
            for (k, slot) in window.iter_mut().enumerate() {
                *slot = at(i + k as isize - half as isize);
            }
            window.sort_by(f32::total_cmp);
            window[half]
        })
        .collect()
}

/// The alignment matrix of the heads' attention: `heads` matrices of `rows × columns`
/// softmaxed scores; standardised per head over the rows, median-filtered over the
/// columns, averaged over the heads.
pub fn matrix(heads: &[Vec<f32>], rows: usize, columns: usize) -> Vec<f32> {
    let mut sum = vec![0f32; rows * columns];
    for head in heads {
        let mut standard = head.clone();
        for column in 0..columns {
            let values: Vec<f32> = (0..rows).map(|row| head[row * columns + column]).collect();
            let mean = values.iter().sum::<f32>() / rows as f32;
            let deviation = (values.iter().map(|v| (v - mean).powi(2)).sum::<f32>() / rows as f32).sqrt();
            for row in 0..rows {
                standard[row * columns + column] = (head[row * columns + column] - mean) / deviation.max(1e-10);
            }
        }
        for row in 0..rows {
            let filtered = median_filter(&standard[row * columns..(row + 1) * columns], 7);
            for (slot, value) in sum[row * columns..(row + 1) * columns].iter_mut().zip(filtered) {
                *slot += value;
            }
        }
    }
    let count = heads.len().max(1) as f32;
    sum.iter().map(|v| v / count).collect()
}

/// When each row starts, in seconds: the column where the path first enters it.
pub fn row_starts(path: &[(usize, usize)], rows: usize) -> Vec<f64> {
    let mut starts = vec![f64::NAN; rows];
    let mut previous = None;
    for &(row, column) in path {
        if previous != Some(row) {
            if row < rows {
                starts[row] = column as f64 * SECONDS_PER_STATE;
            }
            previous = Some(row);
        }
    }
    // A row the path never entered begins where the one before it did.
    let mut last = 0.0;
    for start in &mut starts {
        if start.is_nan() {
            *start = last;
        }
        last = *start;
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_follows_the_cheap_diagonal() {
        // Three rows that each match their own stretch of six columns.
        let rows = 3;
        let columns = 6;
        let mut cost = vec![1f32; rows * columns];
        for (row, span) in [(0, 0..2), (1, 2..4), (2, 4..6)] {
            for column in span {
                cost[row * columns + column] = -1.0;
            }
        }
        let path = dtw(&cost, rows, columns);
        assert_eq!(path.first(), Some(&(0, 0)));
        assert_eq!(path.last(), Some(&(2, 5)));
        let starts = row_starts(&path, rows);
        assert_eq!(starts, [0.0, 2.0 * SECONDS_PER_STATE, 4.0 * SECONDS_PER_STATE]);
        // Every step moves down, right or both.
        assert!(path.windows(2).all(|w| w[1].0 >= w[0].0 && w[1].1 >= w[0].1 && w[1] != w[0]));
    }

    #[test]
    fn an_empty_or_mismatched_matrix_has_no_path() {
        assert!(dtw(&[], 0, 5).is_empty());
        assert!(dtw(&[1.0, 2.0], 2, 2).is_empty());
    }

    #[test]
    fn the_median_filter_removes_a_spike_and_keeps_a_step() {
        let spike = [0.0, 0.0, 0.0, 9.0, 0.0, 0.0, 0.0, 0.0];
        assert!(median_filter(&spike, 7).iter().all(|v| *v == 0.0));
        let step = [0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0];
        assert_eq!(median_filter(&step, 3), step);
        assert_eq!(median_filter(&[5.0], 7), [5.0]);
    }

    #[test]
    fn the_matrix_averages_standardised_heads() {
        let rows = 2;
        let columns = 8;
        let head: Vec<f32> =
            (0..rows * columns).map(|i| if (i % columns < 4) == (i / columns == 0) { 1.0 } else { 0.0 }).collect();
        let matrix = matrix(&[head.clone(), head], rows, columns);
        assert!(matrix[0] > 0.9 && matrix[columns - 1] < -0.9, "{matrix:?}");
        assert!(matrix[columns] < -0.9 && matrix[2 * columns - 1] > 0.9);
    }
}
